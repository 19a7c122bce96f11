import { addDays } from '@aria/core';
import { describeEachDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

// The issue: "training.logSession (date, type, duration, session RPE, sprint metres at ≥90%
// speed) and training.load returning daily load (Foster session-RPE = RPE × minutes), ACWR
// both rolling and EWMA with zones [...] shown only once 28 days of data exist, and
// fitness/fatigue/form (CTL 42-day, ATL 7-day, TSB = CTL − ATL as in GoldenCheetah's PMC)."

describeEachDriver('training router', (suite) => {
  const kit = routerTestKit(() => suite.db);
  const today = '2026-06-01'; // the kit's clock

  it('logs a session with its Foster load', async () => {
    const athlete = await kit.asUser('logger');
    const session = await athlete.training.logSession({
      date: today,
      type: 'acceleration',
      durationMinutes: 75,
      rpe: 7,
      sprintMetres: 240,
      notes: 'Blocks, 6 × 30 m',
    });
    expect(session).toMatchObject({
      athleteId: 'logger',
      date: today,
      type: 'acceleration',
      load: 525,
      sprintMetres: 240,
    });
  });

  it('refuses bad input and sessions more than a day ahead', async () => {
    const athlete = await kit.asUser('careless-logger');
    const valid = { date: today, type: 'tempo', durationMinutes: 40, rpe: 4 } as const;
    await expect(athlete.training.logSession({ ...valid, rpe: 11 })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
    await expect(
      athlete.training.logSession({ ...valid, date: '2026-02-30' }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    await expect(
      athlete.training.logSession({ ...valid, date: addDays(today, 2) }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    expect(await athlete.training.logSession({ ...valid, date: addDays(today, 1) })).toMatchObject({
      date: addDays(today, 1),
      type: 'tempo',
      load: 160,
    });
  });

  it('shows ACWR zones only once 28 days of data exist', async () => {
    const athlete = await kit.asUser('load-watcher');
    // The service role logs in bulk (it is not rate-limited); the athlete reads.
    const service = kit.asService();
    await service.athletes.create({ id: 'load-watcher' });
    const first = addDays(today, -26);
    for (let day = 0; day < 27; day += 1) {
      await service.training.logSession({
        athleteId: 'load-watcher',
        date: addDays(first, day),
        type: 'tempo',
        durationMinutes: 60,
        rpe: day >= 20 ? 7.5 : 5, // 300 AU, then 450 AU in the last week
      });
    }
    const early = await athlete.training.load({ days: 7 });
    expect(early.acwr).toMatchObject({ available: false, daysOfData: 27, rolling: null });
    expect(early.days).toHaveLength(7);
    expect(early.days.at(-1)).toMatchObject({ date: today, load: 450, sessions: 1 });

    await service.training.logSession({
      athleteId: 'load-watcher',
      date: addDays(first, -1),
      type: 'tempo',
      durationMinutes: 60,
      rpe: 5,
    });
    const load = await athlete.training.load();
    expect(load.acwr.available).toBe(true);
    // 21 days at 300 AU and 7 at 450 AU: 450 / 300 = 1.5.
    expect(load.acwr.rolling).toEqual({ acute: 450, chronic: 300, ratio: 1.5, zone: 'danger' });
    // The EWMA reacts more slowly than the rolling ratio to the last week's rise (see core).
    expect(load.acwr.ewma).toMatchObject({ ratio: 1.198, zone: 'sweet_spot' });
    expect(load.days).toHaveLength(42);
    expect(load.fitness).toBeGreaterThan(0);
    expect(load.form).toBeLessThan(0);
  });

  it("counts days on the athlete's clocks: logging ahead and the default date", async () => {
    // 12:00 UTC on 1 June is 00:00 on 2 June in Kiritimati (UTC+14).
    const athlete = await kit.asUser('islander');
    await athlete.athletes.update({ timeZone: 'Pacific/Kiritimati' });
    const session = { type: 'tempo', durationMinutes: 40, rpe: 4 } as const;
    expect(
      await athlete.training.logSession({ ...session, date: addDays(today, 2) }),
    ).toMatchObject({ date: addDays(today, 2) });
    expect((await athlete.training.load({ days: 1 })).asOf).toBe(addDays(today, 1));
    const utc = await kit.asUser('greenwich-logger');
    await expect(
      utc.training.logSession({ ...session, date: addDays(today, 2) }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    expect((await utc.training.load({ days: 1 })).asOf).toBe(today);
  });

  it('answers the load as of an earlier date', async () => {
    const athlete = await kit.asUser('historian');
    await athlete.training.logSession({
      date: '2026-05-01',
      type: 'tempo',
      durationMinutes: 50,
      rpe: 4,
    });
    const then = await athlete.training.load({ date: '2026-05-01', days: 1 });
    expect(then.days).toEqual([
      expect.objectContaining({ date: '2026-05-01', load: 200, sessions: 1 }),
    ]);
  });

  it('lets a linked coach read the load but not log; others see nothing', async () => {
    const athlete = await kit.asUser('coached-sprinter');
    await athlete.coach.link({ coachId: 'load-coach' });
    const coach = await kit.asUser('load-coach', 'coach');
    expect((await coach.training.load({ athleteId: 'coached-sprinter' })).athleteId).toBe(
      'coached-sprinter',
    );
    await expect(
      coach.training.logSession({
        athleteId: 'coached-sprinter',
        date: today,
        type: 'tempo',
        durationMinutes: 30,
        rpe: 3,
      }),
    ).rejects.toMatchObject(trpcFailure('FORBIDDEN'));
    const stranger = await kit.asUser('stranger');
    await expect(stranger.training.load({ athleteId: 'coached-sprinter' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
    await expect(kit.anonymous().training.load()).rejects.toMatchObject(
      trpcFailure('UNAUTHORIZED'),
    );
  });
});
