import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { athletes } from '../schema/athletes.js';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import {
  applyStripeEvent,
  findAthleteIdByStripeIds,
  findSubscription,
  type StripeSubscriptionState,
  saveStripeSubscription,
  setTierDirectly,
  usageByDay,
} from './billing.js';
import { findQuotaPeriod, quotaPeriodOf } from './subscriptions.js';
import { consumeMonthlyQuota, refundMonthlyQuota, usageFor } from './usage.js';
import { isWebhookEventRecorded, recordWebhookEvent } from './webhook-events.js';

const may14 = new Date('2026-05-14T09:00:00.000Z');
const jun14 = new Date('2026-06-14T09:00:00.000Z');

const proState = (overrides: Partial<StripeSubscriptionState> = {}): StripeSubscriptionState => ({
  tier: 'pro',
  status: 'active',
  stripeCustomerId: 'cus_1',
  stripeSubscriptionId: 'sub_1',
  stripePriceId: 'price_pro',
  currentPeriodStart: may14,
  currentPeriodEnd: jun14,
  cancelAtPeriodEnd: false,
  ...overrides,
});

const seconds = (value: number) => new Date(Date.UTC(2026, 4, 14, 9, 0, value));

describe('quotaPeriodOf', () => {
  const row = { tier: 'pro' as const, currentPeriodStart: may14, currentPeriodEnd: jun14 };

  it('answers the billing period while it runs, with its end as the reset', () => {
    expect(quotaPeriodOf({ ...row, cancelAtPeriodEnd: false }, new Date('2026-05-20'))).toEqual({
      tier: 'pro',
      periodStart: '2026-05-14',
      day: '2026-05-20',
      resetsAt: jun14,
    });
  });

  it('answers free once a period set to cancel has ended (before Stripe says so)', () => {
    expect(quotaPeriodOf({ ...row, cancelAtPeriodEnd: true }, new Date('2026-05-20')).tier).toBe(
      'pro',
    );
    expect(quotaPeriodOf({ ...row, cancelAtPeriodEnd: true }, jun14)).toEqual({
      tier: 'free',
      periodStart: '2026-06-01',
      day: '2026-06-14',
      resetsAt: new Date('2026-07-01T00:00:00.000Z'),
    });
  });

  it('answers the calendar month for free and for an unknown row', () => {
    expect(quotaPeriodOf(undefined, new Date('2026-12-31T23:00:00Z'))).toEqual({
      tier: 'free',
      periodStart: '2026-12-01',
      day: '2026-12-31',
      resetsAt: new Date('2027-01-01T00:00:00.000Z'),
    });
  });

  it("follows the athlete's time zone for the calendar month and the day", () => {
    // 21:00 on 30 November in Los Angeles is already 1 December in UTC.
    expect(
      quotaPeriodOf(undefined, new Date('2026-12-01T05:00:00Z'), 'America/Los_Angeles'),
    ).toEqual({
      tier: 'free',
      periodStart: '2026-11-01',
      day: '2026-11-30',
      resetsAt: new Date('2026-12-01T08:00:00.000Z'),
    });
    // 00:30 on 1 January in Berlin is still 31 December in UTC.
    expect(quotaPeriodOf(undefined, new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toEqual({
      tier: 'free',
      periodStart: '2027-01-01',
      day: '2027-01-01',
      resetsAt: new Date('2027-01-31T23:00:00.000Z'),
    });
    // The month that ends in daylight saving time resets at the summer offset.
    expect(
      quotaPeriodOf(undefined, new Date('2026-03-15T12:00:00Z'), 'America/New_York').resetsAt,
    ).toEqual(new Date('2026-04-01T04:00:00.000Z'));
  });
});

describeEachDriver('billing queries', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });
  const apply = (eventId: string, created: Date, state: StripeSubscriptionState) =>
    applyStripeEvent(suite.db, {
      eventId,
      created,
      athleteId,
      state: { ...state, stripeCustomerId: `cus_${athleteId}` },
    });

  it('records a webhook event once per provider', async () => {
    const id = `evt_${randomUUID()}`;
    expect(await isWebhookEventRecorded(suite.db, 'stripe', id)).toBe(false);
    expect(await recordWebhookEvent(suite.db, 'stripe', id)).toBe(true);
    expect(await recordWebhookEvent(suite.db, 'stripe', id)).toBe(false);
    expect(await recordWebhookEvent(suite.db, 'terra', id)).toBe(true);
    expect(await isWebhookEventRecorded(suite.db, 'stripe', id)).toBe(true);
  });

  it('applies an event with its id, and a replay changes nothing', async () => {
    const state = proState({ stripeSubscriptionId: `sub_${athleteId}` });
    expect(await apply(`evt_a_${athleteId}`, seconds(1), state)).toBe('applied');
    const applied = await findSubscription(suite.db, athleteId);
    expect(applied).toMatchObject({
      ...state,
      stripeCustomerId: `cus_${athleteId}`,
      lastEventAt: seconds(1),
    });

    const replay = await apply(`evt_a_${athleteId}`, seconds(1), { ...state, tier: 'star' });
    expect(replay).toBe('duplicate');
    expect(await findSubscription(suite.db, athleteId)).toEqual(applied);
    expect(
      await findAthleteIdByStripeIds(suite.db, { subscriptionId: state.stripeSubscriptionId }),
    ).toBe(athleteId);
  });

  it('applies one of many concurrent deliveries of the same event', async () => {
    const state = proState({ stripeSubscriptionId: `sub_${athleteId}` });
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => apply(`evt_c_${athleteId}`, seconds(1), state)),
    );
    expect(outcomes.filter((outcome) => outcome === 'applied')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(7);
  });

  it('ignores an event older than the last one applied, but records it', async () => {
    const sub = `sub_${athleteId}`;
    await apply(`evt_new_${athleteId}`, seconds(5), proState({ stripeSubscriptionId: sub }));
    const older = proState({ stripeSubscriptionId: sub, status: 'past_due' });
    expect(await apply(`evt_old_${athleteId}`, seconds(4), older)).toBe('stale');
    expect(await findSubscription(suite.db, athleteId)).toMatchObject({
      status: 'active',
      lastEventAt: seconds(5),
    });
    expect(await isWebhookEventRecorded(suite.db, 'stripe', `evt_old_${athleteId}`)).toBe(true);
  });

  it('lets a finished subscription that is not the current one change nothing', async () => {
    await apply(`evt_1_${athleteId}`, seconds(1), proState({ stripeSubscriptionId: 'sub_new' }));
    const oldEnded = proState({
      stripeSubscriptionId: 'sub_old',
      tier: 'free',
      status: 'canceled',
    });
    expect(await apply(`evt_2_${athleteId}`, seconds(2), oldEnded)).toBe('superseded');
    expect(await findSubscription(suite.db, athleteId)).toMatchObject({ tier: 'pro' });
  });

  it('refuses a second live subscription without recording its event', async () => {
    const customer = { stripeCustomerId: `cus_${athleteId}` };
    const first = proState({ ...customer, stripeSubscriptionId: `sub_a_${athleteId}` });
    const second = proState({ ...customer, stripeSubscriptionId: `sub_b_${athleteId}` });
    await apply(`evt_a_${athleteId}`, seconds(1), first);
    expect(await apply(`evt_b_${athleteId}`, seconds(2), second)).toBe('second_subscription');
    expect(await isWebhookEventRecorded(suite.db, 'stripe', `evt_b_${athleteId}`)).toBe(false);
    expect(await findSubscription(suite.db, athleteId)).toMatchObject({
      stripeSubscriptionId: first.stripeSubscriptionId,
      lastEventAt: seconds(1),
    });
    // Once canceled, the second one's events are superseded.
    const ended = { ...second, tier: 'free' as const, status: 'canceled' };
    expect(await apply(`evt_b2_${athleteId}`, seconds(3), ended)).toBe('superseded');
  });

  it('answers unmatched for an athlete that does not exist', async () => {
    const outcome = await applyStripeEvent(suite.db, {
      eventId: `evt_${randomUUID()}`,
      created: seconds(1),
      athleteId: 'nobody',
      state: proState(),
    });
    expect(outcome).toBe('unmatched');
  });

  it('saves a Stripe answer for the current subscription only', async () => {
    const sub = `sub_${athleteId}`;
    await apply(`evt_s_${athleteId}`, seconds(1), proState({ stripeSubscriptionId: sub }));
    const cancelled = proState({
      stripeSubscriptionId: sub,
      stripeCustomerId: `cus_${athleteId}`,
      cancelAtPeriodEnd: true,
    });
    expect(await saveStripeSubscription(suite.db, athleteId, cancelled)).toMatchObject({
      cancelAtPeriodEnd: true,
      lastEventAt: seconds(1),
    });
    const other = proState({ stripeSubscriptionId: 'sub_other', tier: 'star' });
    expect(await saveStripeSubscription(suite.db, athleteId, other)).toBeUndefined();
  });

  it("reads the athlete's time zone for the quota month, with or without a subscription", async () => {
    const evening = new Date('2026-12-01T05:00:00Z');
    expect(await findQuotaPeriod(suite.db, athleteId, evening)).toMatchObject({
      periodStart: '2026-12-01',
      day: '2026-12-01',
    });
    await suite.db
      .update(athletes)
      .set({ timeZone: 'America/Los_Angeles' })
      .where(eq(athletes.id, athleteId));
    expect(await findQuotaPeriod(suite.db, athleteId, evening)).toMatchObject({
      tier: 'free',
      periodStart: '2026-11-01',
      day: '2026-11-30',
    });
    await setTierDirectly(suite.db, athleteId, 'star');
    expect(await findQuotaPeriod(suite.db, athleteId, evening)).toMatchObject({
      tier: 'star',
      periodStart: '2026-11-01',
    });
  });

  it('sets a tier directly, and refuses while Stripe bills the athlete', async () => {
    const set = await setTierDirectly(suite.db, athleteId, 'star');
    expect(set.kind).toBe('set');
    expect(set.subscription).toMatchObject({ tier: 'star', currentPeriodStart: null });
    expect((await findQuotaPeriod(suite.db, athleteId, new Date('2026-05-20'))).periodStart).toBe(
      '2026-05-01',
    );

    await apply(
      `evt_t_${athleteId}`,
      seconds(1),
      proState({ stripeSubscriptionId: `s_${athleteId}` }),
    );
    const refused = await setTierDirectly(suite.db, athleteId, 'free');
    expect(refused.kind).toBe('stripe_managed');
    expect(await findSubscription(suite.db, athleteId)).toMatchObject({ tier: 'pro' });
  });

  it('counts usage by day in the same transaction as the monthly counter', async () => {
    const periodStart = '2026-05-14';
    const consume = (day: string, kind: 'ask' | 'generate_plan' = 'ask') =>
      consumeMonthlyQuota(suite.db, { athleteId, periodStart, kind, day, limit: 3 });
    await consume('2026-05-14');
    await consume('2026-05-16');
    await consume('2026-05-16');
    await consume('2026-05-16'); // refused: the limit is 3
    await consume('2026-05-16', 'generate_plan');
    await refundMonthlyQuota(suite.db, {
      athleteId,
      periodStart,
      kind: 'generate_plan',
      day: '2026-05-16',
    });

    expect(await usageByDay(suite.db, athleteId, periodStart)).toEqual([
      { day: '2026-05-14', kind: 'ask', used: 1 },
      { day: '2026-05-16', kind: 'ask', used: 2 },
      { day: '2026-05-16', kind: 'generate_plan', used: 0 },
    ]);
    expect((await usageFor(suite.db, athleteId, periodStart)).ask).toBe(3);
    expect(await usageByDay(suite.db, athleteId, '2026-06-14')).toEqual([]);
  });
});
