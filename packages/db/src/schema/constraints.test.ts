import { beforeAll, expect, it } from 'vitest';
import { isCheckViolation, isUniqueViolation } from '../errors.js';
import { describeEachDriver } from '../testing/index.js';
import {
  apiKeys,
  athletes,
  coachAthleteLinks,
  monthlyUsage,
  processedWebhookEvents,
  subscriptions,
  trainingSessions,
} from './index.js';

/** Resolves to the rejection of `operation`, failing the test if it succeeds. */
async function rejectionOf(operation: PromiseLike<unknown>): Promise<unknown> {
  try {
    await operation;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describeEachDriver('constraints', (suite) => {
  const athleteId = 'athlete-constraints';

  beforeAll(async () => {
    await suite.db.insert(athletes).values({ id: athleteId });
  });

  it('allow one monthly_usage row per athlete, period and kind', async () => {
    const row = { athleteId, periodStart: '2026-02-01', kind: 'ask' } as const;
    await suite.db.insert(monthlyUsage).values(row);
    await suite.db.insert(monthlyUsage).values({ ...row, kind: 'generate_plan' });
    await suite.db.insert(monthlyUsage).values({ ...row, periodStart: '2026-03-01' });
    const error = await rejectionOf(suite.db.insert(monthlyUsage).values(row));
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('record a webhook event once per provider', async () => {
    await suite.db.insert(processedWebhookEvents).values({ provider: 'stripe', eventId: 'evt_1' });
    await suite.db.insert(processedWebhookEvents).values({ provider: 'terra', eventId: 'evt_1' });
    const error = await rejectionOf(
      suite.db.insert(processedWebhookEvents).values({ provider: 'stripe', eventId: 'evt_1' }),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('reject a duplicate api key hash', async () => {
    const key = { keyHash: 'b'.repeat(64), start: 'aria_sk_bbbb', ownerId: athleteId };
    await suite.db.insert(apiKeys).values({ ...key, name: 'first' });
    const error = await rejectionOf(suite.db.insert(apiKeys).values({ ...key, name: 'second' }));
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('reject a second subscription or coach link for the same pair', async () => {
    await suite.db.insert(subscriptions).values({ athleteId });
    expect(
      isUniqueViolation(await rejectionOf(suite.db.insert(subscriptions).values({ athleteId }))),
    ).toBe(true);
    const link = { coachId: 'coach-2', athleteId, grantedBy: athleteId };
    await suite.db.insert(coachAthleteLinks).values(link);
    expect(
      isUniqueViolation(await rejectionOf(suite.db.insert(coachAthleteLinks).values(link))),
    ).toBe(true);
  });

  it('reject negative usage and out-of-range RPE as check violations', async () => {
    const usage = suite.db
      .insert(monthlyUsage)
      .values({ athleteId, periodStart: '2026-04-01', kind: 'ask', used: -1 });
    const usageError = await rejectionOf(usage);
    expect(isCheckViolation(usageError)).toBe(true);
    expect(isUniqueViolation(usageError)).toBe(false);
    const session = suite.db
      .insert(trainingSessions)
      .values({ athleteId, date: '2026-04-02', type: 'speed', rpe: 11 });
    expect(isCheckViolation(await rejectionOf(session))).toBe(true);
  });
});
