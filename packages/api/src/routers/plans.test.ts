import { addDays } from '@aria/core';
import { type AriaDatabase, insertTrainingPlan, monthlyUsage, subscriptions } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

// The issue: "plans.generate [...] Deterministic [...] plans.get, plans.list, and plans.today,
// which adapts today's session to the readiness (swap a high day for a low one when readiness
// is low or ACWR is in the danger zone) and says why. Metered as generate plan."

async function planUnitsUsed(db: AriaDatabase, athleteId: string): Promise<number> {
  const rows = await db.select().from(monthlyUsage);
  return rows
    .filter((row) => row.athleteId === athleteId && row.kind === 'generate_plan')
    .reduce((sum, row) => sum + row.used, 0);
}

describeEachDriver('plans router', (suite) => {
  const kit = routerTestKit(() => suite.db);
  const today = '2026-06-01'; // a Monday
  const request = {
    event: '100m',
    experienceLevel: 'intermediate',
    daysPerWeek: 5,
    competitionDate: '2026-08-22',
    personalBest: 10.85,
  } as const;

  async function proAthlete(id: string, personalBests: Record<string, number> = {}) {
    await kit.asService().athletes.create({ id, personalBests });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: id, tier: 'pro' })
      .onConflictDoUpdate({ target: subscriptions.athleteId, set: { tier: 'pro' } });
    return kit.asUser(id);
  }

  it('needs a tier with plan generations', async () => {
    const free = await kit.asUser('free-planner');
    await expect(free.plans.generate(request)).rejects.toMatchObject(
      trpcFailure('PAYMENT_REQUIRED'),
    );
  });

  it('generates a deterministic plan up to the competition, with Dick 1987 targets', async () => {
    const athlete = await proAthlete('planner');
    const first = await athlete.plans.generate(request);
    expect(first).toMatchObject({ athleteId: 'planner', event: '100m' });
    expect(first.plan).toMatchObject({
      weeks: 12, // 2026-06-01 … 2026-08-22 is 83 days
      competitionDate: '2026-08-22',
      startDate: '2026-05-31',
      targets: { basis: '100m personal best 10.85 s', thirtyMetres: 3.98, sixtyMetres: 6.76 },
    });
    expect(first.plan.phases.map((span) => span.phase)).toEqual([
      'general_preparation',
      'specific_preparation',
      'competition',
      'taper',
    ]);
    expect(first.narrative).toContain('12-week 100m plan for an intermediate sprinter');
    const again = await athlete.plans.generate(request);
    expect(again.id).not.toBe(first.id);
    expect(again.plan).toEqual(first.plan);
    expect(await planUnitsUsed(suite.db, 'planner')).toBe(2);
  });

  it('takes targets from the profile when the request has no best', async () => {
    const athlete = await proAthlete('profiled', { '200m': 21.9 });
    const plan = await athlete.plans.generate({
      ...request,
      event: '400m',
      personalBest: undefined,
      weeks: 8,
    });
    expect(plan.plan.weeks).toBe(8);
    expect(plan.plan.targets?.basis).toBe('200m personal best 21.9 s');
  });

  it('says so when a best lies outside the estimator table, and reads old plans', async () => {
    const athlete = await proAthlete('world-class');
    const fast = await athlete.plans.generate({ ...request, personalBest: 9.58, weeks: 6 });
    expect(fast.plan.targets).toBeNull();
    expect(fast.plan.targetsNote).toContain('faster than the estimator table');
    expect(fast.plan.rules.at(-1)).toContain('faster than the estimator table');
    expect(fast.narrative).toContain('faster than the estimator table');
    // A version-1 document (before deload weeks) still reads, as version 2.
    const { targetsNote: _note, ...rest } = fast.plan;
    const v1 = {
      ...rest,
      version: 1,
      schedule: fast.plan.schedule.map(({ deload: _deload, ...week }) => week),
    };
    const row = await insertTrainingPlan(suite.db, {
      athleteId: 'world-class',
      event: '100m',
      inputs: {},
      plan: v1,
      narrative: null,
    });
    const old = await athlete.plans.get({ id: row.id });
    expect(old.plan).toMatchObject({ version: 2, targetsNote: null });
    expect(old.plan.schedule[0]?.deload).toBe(false);
  });

  it('refuses a past competition and refunds the unit', async () => {
    const athlete = await proAthlete('late-planner');
    await expect(
      athlete.plans.generate({ ...request, competitionDate: addDays(today, -1) }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    await expect(athlete.plans.generate({ ...request, daysPerWeek: 7 })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
    expect(await planUnitsUsed(suite.db, 'late-planner')).toBe(0);
  });

  it('gets and lists an athlete’s plans; another athlete sees none of them', async () => {
    const athlete = await proAthlete('lister');
    const created = await athlete.plans.generate({ ...request, weeks: 4 });
    expect(await athlete.plans.get({ id: created.id })).toEqual(created);
    const page = await athlete.plans.list();
    expect(page).toMatchObject({ limit: 20, offset: 0 });
    expect(page.items[0]).toMatchObject({ id: created.id, event: '100m', weeks: 4 });
    const intruder = await kit.asUser('plan-intruder');
    await expect(intruder.plans.get({ id: created.id })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
    expect((await intruder.plans.list()).items).toEqual([]);
  });

  it('keeps today’s high day when there is no readiness data, and says so', async () => {
    const athlete = await proAthlete('today-fresh');
    const { id } = await athlete.plans.generate(request);
    const today_ = await athlete.plans.today({ id });
    expect(today_).toMatchObject({
      planId: id,
      date: today,
      week: 1,
      phase: 'general_preparation',
      adapted: false,
      readiness: { status: 'insufficient_data', score: null, band: null },
      acwr: null,
      session: { type: 'acceleration', cns: 'high' },
    });
    expect(today_.reasons[0]).toContain('insufficient data');
    expect(today_.reasons[1]).toBe('The session stands as planned.');
  });

  it("shows the session of the athlete's own day, in their time zone", async () => {
    const athlete = await proAthlete('west-coast');
    await athlete.athletes.update({ timeZone: 'America/Los_Angeles' });
    const { id } = await athlete.plans.generate(request);
    // 18:00 on Monday 1 June in Los Angeles is already Tuesday in UTC.
    const zoned = routerTestKit(() => suite.db);
    zoned.clock.advance(13 * 3_600_000);
    const evening = await (await zoned.asUser('west-coast')).plans.today({ id });
    expect(evening).toMatchObject({ date: today, planned: { type: 'acceleration' } });
    const utc = await proAthlete('greenwich');
    const utcPlan = await utc.plans.generate(request);
    const utcEvening = await (await zoned.asUser('greenwich')).plans.today({ id: utcPlan.id });
    expect(utcEvening.date).toBe(addDays(today, 1));
  });

  it('swaps today’s high day for tempo when readiness is low, and says why', async () => {
    const athlete = await proAthlete('today-tired');
    const { id } = await athlete.plans.generate(request);
    // Original rule: 5 h sleep → 15, resting HR 75 → 10: 25 of the 70 points measured → 35.7.
    await athlete.wearables.recordMetrics({ date: today, sleepHours: 5, restingHr: 75 });
    const adapted = await athlete.plans.today({ id, date: today });
    expect(adapted).toMatchObject({
      adapted: true,
      adaptation: 'swapped',
      planned: { type: 'acceleration' },
      session: { type: 'tempo', cns: 'low' },
      readiness: { score: 35.7, band: 'low', recommendation: 'recovery', model: 'aria_original' },
    });
    expect(adapted.reasons[0]).toContain('Readiness 35.7/100, low');
  });

  it('trims today’s high day at moderate readiness and caps its intensity', async () => {
    const athlete = await proAthlete('today-moderate');
    const { id } = await athlete.plans.generate(request);
    // 8 h → 40, 65 bpm → 20, recovery 65 → 19.5: 79.5, moderate (not high).
    await athlete.wearables.recordMetrics({
      date: today,
      sleepHours: 8,
      restingHr: 65,
      recoveryScore: 65,
    });
    const trimmed = await athlete.plans.today({ id, date: today });
    expect(trimmed).toMatchObject({
      adapted: true,
      adaptation: 'trimmed',
      readiness: { score: 79.5, band: 'moderate' },
      session: { type: 'acceleration' },
    });
    expect(trimmed.session?.intensityPercent).toBeLessThanOrEqual(92);
    expect(trimmed.session?.volumeMetres).toBeLessThan(trimmed.planned?.volumeMetres ?? 0);
  });
});
