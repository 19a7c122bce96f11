import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDriver, newTestAthlete, outboxEventsOf } from '../testing/index.js';
import { applyStripeEvent, setTierDirectly } from './billing.js';
import { recordExchange } from './conversations.js';
import {
  claimNextOutboxEvent,
  markOutboxEventFailed,
  markOutboxEventPublished,
  recordOutboxEvent,
} from './outbox.js';
import { insertTrainingPlan } from './plans.js';
import { recordDailyMetrics } from './wearables.js';

const planValues = (athleteId: string) => ({
  athleteId,
  event: '100m',
  inputs: {},
  plan: {},
});

describeEachDriver('outbox events written with their change', (suite) => {
  it('plan.generated with the plan, in the same transaction', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    const plan = await insertTrainingPlan(db, planValues(athleteId));
    expect(await outboxEventsOf(db, athleteId)).toEqual([
      { type: 'plan.generated', data: { planId: plan.id, event: '100m' } },
    ]);
    // A transaction that fails after the change keeps neither the change nor its event.
    await expect(
      db.transaction(async (tx) => {
        await insertTrainingPlan(tx, planValues(athleteId));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outboxEventsOf(db, athleteId)).toHaveLength(1);
  });

  it('subscription.changed when a tier changes, directly or from Stripe, and not otherwise', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    await setTierDirectly(db, athleteId, 'pro');
    await setTierDirectly(db, athleteId, 'pro');
    await applyStripeEvent(db, {
      eventId: `evt_${randomUUID()}`,
      created: new Date(),
      athleteId,
      state: {
        tier: 'star',
        status: 'active',
        stripeCustomerId: 'cus_x',
        stripeSubscriptionId: 'sub_x',
        stripePriceId: 'price_star',
        currentPeriodStart: new Date(),
        currentPeriodEnd: null,
        cancelAtPeriodEnd: false,
      },
    });
    // Stripe bills the athlete now: a direct change is refused and says nothing.
    expect((await setTierDirectly(db, athleteId, 'free', 'tracklit')).kind).toBe('stripe_managed');
    expect(await outboxEventsOf(db, athleteId)).toEqual([
      { type: 'subscription.changed', data: { tier: 'pro', status: 'active', source: 'direct' } },
      { type: 'subscription.changed', data: { tier: 'star', status: 'active', source: 'stripe' } },
    ]);
  });

  it('readiness.updated with metrics entered by hand, insight.created with an answer', async () => {
    const { db } = suite;
    const athleteId = await newTestAthlete(db);
    await recordDailyMetrics(db, athleteId, 'manual', { date: '2026-11-30', restingHr: 50 });
    const exchange = await recordExchange(db, {
      athleteId,
      question: 'How do I start?',
      questionTokens: 4,
      answerText: 'Low.',
      answer: {},
      provider: 'builtin',
      promptTokens: 1,
      completionTokens: 1,
    });
    expect(await outboxEventsOf(db, athleteId)).toEqual([
      { type: 'readiness.updated', data: { dates: ['2026-11-30'], source: 'manual' } },
      {
        type: 'insight.created',
        data: { conversationId: exchange.conversationId, messageId: exchange.answer.id },
      },
    ]);
  });
});

describeEachDriver('claiming outbox events', (suite) => {
  const record = (athleteId: string, n: number) =>
    recordOutboxEvent(suite.db, { type: 'insight.created', athleteId, data: { n } });

  it("hands out only the athlete's oldest pending event, to one claimant at a time", async () => {
    const { db } = suite;
    const athleteId = `claims-${randomUUID()}`;
    const first = await record(athleteId, 1);
    const second = await record(athleteId, 2);
    const claimed = await claimNextOutboxEvent(db, athleteId, 60_000);
    expect(claimed).toMatchObject({ id: first.id, attempts: 1 });
    // Held by its claimant: nobody gets it, nor the event behind it.
    expect(await claimNextOutboxEvent(db, athleteId, 60_000)).toBeUndefined();
    await markOutboxEventPublished(db, first.id);
    expect(await claimNextOutboxEvent(db, athleteId, 60_000)).toMatchObject({ id: second.id });
  });

  it('holds the events behind a failed one until its backoff has passed', async () => {
    const { db } = suite;
    const athleteId = `backoff-${randomUUID()}`;
    const first = await record(athleteId, 1);
    await record(athleteId, 2);
    await claimNextOutboxEvent(db, athleteId, 60_000);
    await markOutboxEventFailed(db, first.id, { error: 'boom', retryInMs: 60_000, park: false });
    expect(await claimNextOutboxEvent(db, athleteId, 60_000)).toBeUndefined();
    await markOutboxEventFailed(db, first.id, { error: 'boom', retryInMs: 0, park: false });
    expect(await claimNextOutboxEvent(db, athleteId, 60_000)).toMatchObject({
      id: first.id,
      attempts: 2,
    });
  });

  it('takes over a claim whose lease has run out (a worker that died mid-send)', async () => {
    const { db } = suite;
    const athleteId = `lease-${randomUUID()}`;
    const first = await record(athleteId, 1);
    await claimNextOutboxEvent(db, athleteId, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await claimNextOutboxEvent(db, athleteId, 60_000)).toMatchObject({
      id: first.id,
      attempts: 2,
    });
  });

  it('gives one event to exactly one of many concurrent claimants', async () => {
    const { db } = suite;
    const athleteId = `race-${randomUUID()}`;
    await record(athleteId, 1);
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimNextOutboxEvent(db, athleteId, 60_000)),
    );
    expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
  });
});
