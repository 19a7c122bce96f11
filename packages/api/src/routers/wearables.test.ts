import { addDays } from '@aria/core';
import { type AriaDatabase, dailyUsage, monthlyUsage, subscriptions } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { type FakeTerra, startFakeTerra } from '@aria/integrations/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

// The original Aria service's readiness rule, worked example: 8 h sleep, RHR 55, recovery 80 →
// 40 + 30 + 24 = 94, high intensity." Terra's widget API (docs.tryterra.co): "POST
// /v2/auth/generateWidgetSession with headers dev-id, x-api-key [...] → {session_id, url,
// status, expires_in}." The issue: readiness is "Metered as training readiness".

/** Training-readiness units the athlete has used (all periods). */
async function readinessUsed(db: AriaDatabase, athleteId: string): Promise<number> {
  const rows = await db.select().from(monthlyUsage);
  return rows
    .filter((row) => row.athleteId === athleteId && row.kind === 'training_readiness')
    .reduce((sum, row) => sum + row.used, 0);
}

const terraCredentials = { devId: 'aria-test-dev', apiKey: 'terra-test-key' };
let terra: FakeTerra;
beforeAll(async () => {
  terra = await startFakeTerra(terraCredentials);
});
afterAll(() => terra.close());

describeEachDriver('wearables router', (suite) => {
  const kit = routerTestKit(() => suite.db);
  const terraEnv = () => ({
    TERRA_DEV_ID: terraCredentials.devId,
    TERRA_API_KEY: terraCredentials.apiKey,
    TERRA_API_URL: terra.url,
  });
  const today = '2026-06-01';

  async function onTier(id: string, tier: 'pro' | 'star') {
    await kit.asService().athletes.create({ id });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: id, tier })
      .onConflictDoUpdate({ target: subscriptions.athleteId, set: { tier } });
  }

  it('answers NOT_CONFIGURED for connect without Terra settings', async () => {
    const athlete = await kit.asUser('no-terra');
    await expect(athlete.wearables.connect({})).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      cause: { code: 'NOT_CONFIGURED' },
    });
  });

  it('asks Terra for a widget session naming the athlete as reference', async () => {
    const terraKit = routerTestKit(() => suite.db, { configEnv: terraEnv() });
    const athlete = await terraKit.asUser('wearer');
    const connected = await athlete.wearables.connect({
      providers: ['oura', 'Garmin'],
      successRedirectUrl: 'https://tracklit.app/wearables/linked',
    });
    expect(connected).toMatchObject({ provider: 'terra', expiresInSeconds: 900 });
    expect(connected.url).toBe(`https://widget.tryterra.co/session/${connected.sessionId}`);
    expect(terra.requests.at(-1)?.body).toMatchObject({
      reference_id: 'wearer',
      providers: 'OURA,GARMIN',
      auth_success_redirect_url: 'https://tracklit.app/wearables/linked',
    });
  });

  it('reports a Terra refusal without leaking credentials', async () => {
    const wrongKey = routerTestKit(() => suite.db, {
      configEnv: { ...terraEnv(), TERRA_API_KEY: 'wrong-key' },
    });
    const athlete = await wrongKey.asUser('refused-wearer');
    const failure = athlete.wearables.connect({});
    await expect(failure).rejects.toMatchObject(trpcFailure('INTERNAL_SERVER_ERROR'));
    await expect(failure).rejects.toThrow('Terra answered 401');
  });

  it('records manual metrics, merges a day and answers NOT_FOUND for an empty one', async () => {
    const athlete = await kit.asUser('manual-entry');
    await athlete.wearables.recordMetrics({ date: today, sleepHours: 7.5, restingHr: 52 });
    const day = await athlete.wearables.recordMetrics({
      date: today,
      hrvRmssd: 68,
      sleepEfficiencyPercent: 91,
    });
    expect(day).toEqual({
      athleteId: 'manual-entry',
      date: today,
      hrvRmssd: 68,
      hrvRmssdDaily: null,
      restingHr: 52,
      sleepHours: 7.5,
      sleepEfficiencyPercent: 91,
      recoveryScore: null,
      steps: null,
      strain: null,
      sources: ['manual'],
    });
    expect(await athlete.wearables.daily({ date: today })).toEqual(day);
    await expect(athlete.wearables.daily({ date: '2026-05-01' })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
    await expect(athlete.wearables.recordMetrics({ date: today })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });

  it('meters readiness: the free tier has none', async () => {
    const athlete = await kit.asUser('free-reader');
    await athlete.wearables.recordMetrics({ date: today, sleepHours: 8, restingHr: 55 });
    await expect(athlete.wearables.readiness({ date: today })).rejects.toMatchObject(
      trpcFailure('PAYMENT_REQUIRED'),
    );
  });

  it('falls back to the original rule with little history: 8 h / 55 bpm / 80 → 94', async () => {
    await onTier('new-wearer', 'pro');
    const athlete = await kit.asUser('new-wearer');
    await athlete.wearables.recordMetrics({
      date: today,
      sleepHours: 8,
      restingHr: 55,
      recoveryScore: 80,
    });
    const readiness = await athlete.wearables.readiness({ date: today });
    expect(readiness).toMatchObject({
      athleteId: 'new-wearer',
      date: today,
      status: 'scored',
      model: 'aria_original',
      score: 94,
      band: 'high',
      recommendation: 'high_intensity',
      historyDays: 1,
    });
    expect(readiness.fallbackReason).toContain('1 of the 7 days');
    expect(await readinessUsed(suite.db, 'new-wearer')).toBe(1);
  });

  it('scores against the baseline with 7+ days; a day without metrics is insufficient', async () => {
    await onTier('seasoned-wearer', 'star');
    const service = kit.asService();
    for (let day = 13; day >= 0; day -= 1) {
      await service.wearables.recordMetrics({
        athleteId: 'seasoned-wearer',
        date: addDays(today, -day),
        hrvRmssd: day >= 7 ? 70 : 55,
        restingHr: 50,
        sleepHours: 7.5,
        sleepEfficiencyPercent: 90,
      });
    }
    const athlete = await kit.asUser('seasoned-wearer');
    const readiness = await athlete.wearables.readiness({ date: today });
    expect(readiness).toMatchObject({
      model: 'hrv_baseline',
      historyDays: 14,
      fallbackReason: null,
    });
    expect(readiness.factors.map((factor) => factor.key)).toEqual([
      'hrv',
      'resting_hr',
      'sleep_duration',
      'sleep_efficiency',
      'acwr',
    ]);
    expect(readiness.factors[0]).toMatchObject({ unit: 'ms', value: 55 });
    expect(readiness.factors[0]?.status).not.toBe('good');
    expect(readiness).toMatchObject({ band: 'low', recommendation: 'recovery' });
    expect(readiness.lowIntensityAdvised).toBe(true);
    expect(readiness.warnings[0]).toContain('HRV below your baseline');
    expect(await readinessUsed(suite.db, 'seasoned-wearer')).toBe(1);

    const empty = await athlete.wearables.readiness({ date: '2026-01-01' });
    expect(empty).toMatchObject({ status: 'insufficient_data', score: null });
    expect(empty.missing).toContain('Sleep duration');
    expect(await readinessUsed(suite.db, 'seasoned-wearer')).toBe(1);
  });
});

describeEachDriver('wearables readiness quota', (suite) => {
  const kit = routerTestKit(() => suite.db);

  it("charges the athlete's own day and calendar month, in their time zone", async () => {
    // 12:00 UTC on 31 May is 02:00 on 1 June in Kiritimati (UTC+14).
    const early = routerTestKit(() => suite.db);
    early.clock.advance(-24 * 3_600_000);
    await early
      .asService()
      .athletes.create({ id: 'islander-reader', timeZone: 'Pacific/Kiritimati' });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: 'islander-reader', tier: 'pro' })
      .onConflictDoUpdate({ target: subscriptions.athleteId, set: { tier: 'pro' } });
    const athlete = await early.asUser('islander-reader');
    await athlete.wearables.recordMetrics({
      date: '2026-06-01',
      sleepHours: 8,
      restingHr: 55,
      recoveryScore: 80,
    });
    expect(await athlete.wearables.readiness()).toMatchObject({ date: '2026-06-01', score: 94 });
    const [month] = await suite.db
      .select()
      .from(monthlyUsage)
      .where(eq(monthlyUsage.athleteId, 'islander-reader'));
    expect(month).toMatchObject({ periodStart: '2026-06-01', used: 1 });
    const [day] = await suite.db
      .select()
      .from(dailyUsage)
      .where(eq(dailyUsage.athleteId, 'islander-reader'));
    expect(day).toMatchObject({ day: '2026-06-01', used: 1 });
  });

  it('charges nothing for insufficient data, on any tier, and names what is missing', async () => {
    await kit.asService().athletes.create({ id: 'pro-without-data' });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: 'pro-without-data', tier: 'pro' })
      .onConflictDoUpdate({ target: subscriptions.athleteId, set: { tier: 'pro' } });
    const athlete = await kit.asUser('pro-without-data');
    const nothing = await athlete.wearables.readiness();
    expect(nothing).toMatchObject({ status: 'insufficient_data', band: null });
    // HRV 85 ms and 93% efficiency on a new account: not a low score, insufficient data.
    await athlete.wearables.recordMetrics({
      date: '2026-06-01',
      hrvRmssd: 85,
      sleepEfficiencyPercent: 93,
    });
    const thin = await athlete.wearables.readiness({ date: '2026-06-01' });
    expect(thin).toMatchObject({ status: 'insufficient_data', score: null });
    expect(thin.missing).toEqual(expect.arrayContaining(['Sleep duration', 'Resting heart rate']));
    expect(await readinessUsed(suite.db, 'pro-without-data')).toBe(0);
    // The free tier has no readiness quota, yet insufficient data is answered, not refused.
    const free = await kit.asUser('free-without-data');
    expect(await free.wearables.readiness()).toMatchObject({ status: 'insufficient_data' });
  });
});

describeEachDriver('wearables readiness charges', (suite) => {
  const kit = routerTestKit(() => suite.db);
  const today = '2026-06-01';

  async function proAthleteWithMetrics(id: string) {
    await kit.asService().athletes.create({ id });
    await suite.db
      .insert(subscriptions)
      .values({ athleteId: id, tier: 'pro' })
      .onConflictDoUpdate({ target: subscriptions.athleteId, set: { tier: 'pro' } });
    const athlete = await kit.asUser(id);
    for (const date of [today, addDays(today, -1)]) {
      await athlete.wearables.recordMetrics({ date, sleepHours: 8, restingHr: 55 });
    }
    return athlete;
  }

  it('charges readiness once per athlete and day; repeat reads of a day are free', async () => {
    const athlete = await proAthleteWithMetrics('daily-reader');
    for (let read = 0; read < 4; read += 1) {
      expect(await athlete.wearables.readiness({ date: today })).toMatchObject({ date: today });
    }
    await athlete.wearables.readiness(); // today by default: the same day
    expect(await readinessUsed(suite.db, 'daily-reader')).toBe(1);
    await athlete.wearables.readiness({ date: addDays(today, -1) });
    await athlete.wearables.readiness({ date: addDays(today, -1) });
    expect(await readinessUsed(suite.db, 'daily-reader')).toBe(2);
  });

  it('charges one of many concurrent first reads of a day', async () => {
    const athlete = await proAthleteWithMetrics('eager-reader');
    const reads = await Promise.allSettled(
      Array.from({ length: 8 }, () => athlete.wearables.readiness({ date: today })),
    );
    expect(reads.filter((read) => read.status === 'fulfilled').length).toBeGreaterThan(0);
    expect(await readinessUsed(suite.db, 'eager-reader')).toBe(1);
  });

  it("never charges a linked coach's reads to the athlete", async () => {
    const athlete = await proAthleteWithMetrics('coached-reader');
    await athlete.coach.link({ coachId: 'reading-coach' });
    const coach = await kit.asUser('reading-coach', 'coach');
    for (const date of [today, addDays(today, -1), today]) {
      await coach.wearables.readiness({ athleteId: 'coached-reader', date });
    }
    expect(await readinessUsed(suite.db, 'coached-reader')).toBe(0);
    // The athlete's own first read of the day still costs its unit.
    await athlete.wearables.readiness({ date: today });
    expect(await readinessUsed(suite.db, 'coached-reader')).toBe(1);
  });

  it("refuses a coach's read when the athlete's tier has no readiness", async () => {
    await kit.asService().athletes.create({ id: 'free-coached' });
    const athlete = await kit.asUser('free-coached');
    // Enough data for a score: a day without one would be answered, uncharged, on any tier.
    await athlete.wearables.recordMetrics({ date: today, sleepHours: 8, restingHr: 55 });
    await athlete.coach.link({ coachId: 'free-tier-coach' });
    const coach = await kit.asUser('free-tier-coach', 'coach');
    await expect(
      coach.wearables.readiness({ athleteId: 'free-coached', date: today }),
    ).rejects.toMatchObject(trpcFailure('PAYMENT_REQUIRED'));
  });
});
