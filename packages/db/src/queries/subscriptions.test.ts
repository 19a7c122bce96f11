import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { athletes, type NewSubscription, subscriptions } from '../schema/index.js';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import { findTier } from './subscriptions.js';

const at = new Date('2026-05-20T23:30:00.000Z');

describeEachDriver('findTier', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });
  const setSubscription = (values: Partial<NewSubscription>) =>
    suite.db.update(subscriptions).set(values).where(eq(subscriptions.athleteId, athleteId));

  it('answers free and the UTC calendar month for a new athlete', async () => {
    expect(await findTier(suite.db, athleteId, at)).toEqual({
      tier: 'free',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
    expect(await findTier(suite.db, athleteId, new Date('2026-05-31T23:59:59.999-02:00'))).toEqual({
      tier: 'free',
      periodStart: '2026-06-01',
      day: '2026-06-01',
    });
  });

  it("answers the calendar month and day of the athlete's time zone", async () => {
    await suite.db
      .update(athletes)
      .set({ timeZone: 'Asia/Tokyo' })
      .where(eq(athletes.id, athleteId));
    // 23:30 UTC on 31 May is 08:30 on 1 June in Tokyo.
    expect(await findTier(suite.db, athleteId, new Date('2026-05-31T23:30:00Z'))).toEqual({
      tier: 'free',
      periodStart: '2026-06-01',
      day: '2026-06-01',
    });
  });

  it('answers free when there is no subscription row at all', async () => {
    const lonely = `athlete-${randomUUID()}`;
    await suite.db.insert(athletes).values({ id: lonely });
    expect(await findTier(suite.db, lonely, at)).toEqual({
      tier: 'free',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
    expect(await findTier(suite.db, 'unknown-athlete', at)).toEqual({
      tier: 'free',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
  });

  it('answers a paid tier with the start date of its billing period', async () => {
    await setSubscription({
      tier: 'pro',
      currentPeriodStart: new Date('2026-05-14T09:00:00.000Z'),
      currentPeriodEnd: new Date('2026-06-14T09:00:00.000Z'),
    });
    expect(await findTier(suite.db, athleteId, at)).toEqual({
      tier: 'pro',
      periodStart: '2026-05-14',
      day: '2026-05-20',
    });
  });

  it('falls back to the calendar month when a paid period is unknown or over', async () => {
    await setSubscription({ tier: 'star' });
    expect(await findTier(suite.db, athleteId, at)).toEqual({
      tier: 'star',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
    await setSubscription({
      currentPeriodStart: new Date('2026-04-01T00:00:00.000Z'),
      currentPeriodEnd: new Date('2026-05-01T00:00:00.000Z'),
    });
    expect(await findTier(suite.db, athleteId, at)).toEqual({
      tier: 'star',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
  });

  it('ignores a billing period on the free tier', async () => {
    await setSubscription({
      tier: 'free',
      currentPeriodStart: new Date('2026-05-14T09:00:00.000Z'),
      currentPeriodEnd: new Date('2026-06-14T09:00:00.000Z'),
    });
    expect(await findTier(suite.db, athleteId, at)).toEqual({
      tier: 'free',
      periodStart: '2026-05-01',
      day: '2026-05-20',
    });
  });
});
