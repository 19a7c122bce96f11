import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { subscriptions } from '../schema/index.js';
import { describeEachDriver } from '../testing/index.js';
import { eraseAthlete, provisionAthlete, updateAthleteProfile } from './athletes.js';
import {
  applyStripeEvent,
  type StripeSubscriptionState,
  saveStripeSubscription,
  setTierDirectly,
  withSubscriptionLocked,
} from './billing.js';
import { findAthleteTier } from './subscriptions.js';
import { cacheTierRows } from './tier-cache.js';

const at = new Date('2026-05-20T12:00:00.000Z');
/** Long enough that nothing in a test outlives it: what the cache holds stays held. */
const longTtl = { ttlMs: 60_000 };

describeEachDriver('tier row cache', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });
  afterEach(() => cacheTierRows(suite.db, { ttlMs: 0 }));

  const tier = async () => (await findAthleteTier(suite.db, athleteId, at)).tier;
  /** A write that bypasses this package, as another instance's would look from here. */
  const setTierBehindTheCache = (value: 'free' | 'pro' | 'star') =>
    suite.db
      .update(subscriptions)
      .set({ tier: value })
      .where(eq(subscriptions.athleteId, athleteId));

  it('reuses a row it read until the TTL runs out', async () => {
    cacheTierRows(suite.db, longTtl);
    expect(await tier()).toBe('free');
    await setTierBehindTheCache('star');
    expect(await tier()).toBe('free');

    cacheTierRows(suite.db, { ttlMs: 50 });
    expect(await tier()).toBe('star');
    await setTierBehindTheCache('pro');
    await sleep(120);
    expect(await tier()).toBe('pro');
  });

  it('keeps nothing with a TTL of 0', async () => {
    cacheTierRows(suite.db, { ttlMs: 0 });
    expect(await tier()).toBe('free');
    await setTierBehindTheCache('star');
    expect(await tier()).toBe('star');
  });

  it('shows each write of this package at once', async () => {
    cacheTierRows(suite.db, longTtl);
    /** The athlete's one Stripe subscription, granting `tier`. */
    const stripeState = (value: 'pro' | 'star'): StripeSubscriptionState => ({
      tier: value,
      status: 'active',
      stripeCustomerId: `cus_${athleteId}`,
      stripeSubscriptionId: `sub_${athleteId}`,
      stripePriceId: null,
      currentPeriodStart: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
    });
    const writes: Array<[string, () => Promise<unknown>, 'free' | 'pro' | 'star']> = [
      ['setTierDirectly', () => setTierDirectly(suite.db, athleteId, 'pro'), 'pro'],
      [
        'withSubscriptionLocked',
        () =>
          withSubscriptionLocked(suite.db, athleteId, (tx) =>
            tx
              .update(subscriptions)
              .set({ tier: 'star' })
              .where(eq(subscriptions.athleteId, athleteId)),
          ),
        'star',
      ],
      [
        'applyStripeEvent',
        () =>
          applyStripeEvent(suite.db, {
            eventId: `evt_${randomUUID()}`,
            created: new Date(),
            athleteId,
            state: stripeState('pro'),
          }),
        'pro',
      ],
      [
        'saveStripeSubscription',
        () => saveStripeSubscription(suite.db, athleteId, stripeState('star')),
        'star',
      ],
    ];
    for (const [writer, write, expected] of writes) {
      await tier(); // cached before the write
      await write();
      expect(await tier(), writer).toBe(expected);
    }
  });

  it('shows a time zone change at once (it places the quota day)', async () => {
    cacheTierRows(suite.db, longTtl);
    // 23:30 UTC on 31 May is already 1 June in Tokyo.
    const late = new Date('2026-05-31T23:30:00Z');
    expect((await findAthleteTier(suite.db, athleteId, late)).day).toBe('2026-05-31');
    await updateAthleteProfile(suite.db, athleteId, { timeZone: 'Asia/Tokyo' });
    expect((await findAthleteTier(suite.db, athleteId, late)).day).toBe('2026-06-01');
  });

  it('never hides a new athlete, and forgets an erased one', async () => {
    cacheTierRows(suite.db, longTtl);
    const newcomer = `athlete-${randomUUID()}`;
    expect((await findAthleteTier(suite.db, newcomer, at)).exists).toBe(false);
    await provisionAthlete(suite.db, { id: newcomer });
    expect((await findAthleteTier(suite.db, newcomer, at)).exists).toBe(true);
    await eraseAthlete(suite.db, newcomer, at);
    expect((await findAthleteTier(suite.db, newcomer, at)).exists).toBe(false);
  });

  it('drops the oldest athlete when full', async () => {
    cacheTierRows(suite.db, { ttlMs: 60_000, maxEntries: 1 });
    const other = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: other });
    expect(await tier()).toBe('free');
    await findAthleteTier(suite.db, other, at);
    await setTierBehindTheCache('star');
    expect(await tier()).toBe('star');
  });
});
