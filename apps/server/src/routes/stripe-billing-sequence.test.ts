import { monthlyLimit } from '@aria/core';
import { consumeMonthlyQuota, findTier, utcDay } from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import { type FakeStripeEvent, startFakeStripe } from '@aria/integrations/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asService, createAthlete, rest } from '../testing/rest.js';
import {
  deliverStripeEvent,
  movableClock,
  restSubscription,
  seededRandom,
} from '../testing/stripe.js';
import {
  billingScript,
  deliveries,
  type Run,
  type Step,
} from '../testing/stripe-billing-script.js';

// The "done when": upgrade → renewal → failure → recovery → cancel, driven through the
// real `stripe` SDK (a local fake of the Stripe API) and POST /webhooks/stripe (payloads signed
// with the SDK's test-header helper), on real Postgres. Every delivery order below — in order,
// reversed, replayed, late, shuffled — must end each step with the same tier and quota.

const clock = movableClock('2026-06-10T08:00:00Z');
const fake = await startFakeStripe({ now: clock.now });
afterAll(() => fake.close());

const steps = billingScript(fake);

describeOnDriver('postgres', 'Stripe subscriptions drive the tier', (suite) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(fake.env, {
      database: suite.handle,
      stripe: { endpoint: fake.endpoint },
      now: clock.now,
    });
  });
  afterAll(() => t.deps.close());

  /** One metered `ask`, as the quota middleware counts it at the app's clock. */
  const ask = async (athleteId: string) => {
    const { tier, periodStart } = await findTier(suite.db, athleteId, clock.now());
    const limit = monthlyLimit(tier, 'ask');
    const day = utcDay(clock.now());
    const outcome = await consumeMonthlyQuota(suite.db, {
      athleteId,
      periodStart,
      kind: 'ask',
      day,
      limit,
    });
    expect(outcome.allowed).toBe(true);
  };

  const expectState = async (athleteId: string, step: Step) => {
    const { expected } = step;
    const limit = monthlyLimit(expected.tier, 'ask');
    expect(await restSubscription(t, athleteId), step.name).toMatchObject({
      tier: expected.tier,
      status: expected.status,
      cancelAtPeriodEnd: expected.cancelAtPeriodEnd,
      quotaPeriod: { start: expected.quotaStart },
      usage: { ask: { used: expected.askUsed, limit, remaining: limit - expected.askUsed } },
    });
  };

  it.each(deliveries.map((delivery, index) => ({ delivery, index })))(
    'ends every step right when delivered $delivery.name',
    async ({ delivery, index }) => {
      const random = seededRandom(delivery.seed ?? index + 1);
      const run: Run = { t, athleteId: `sequence-${index}`, subscriptionId: '' };
      clock.set('2026-06-10T07:00:00Z');
      await createAthlete(t, run.athleteId);
      await ask(run.athleteId); // the free ask of June, before the upgrade
      const history: FakeStripeEvent[] = [];
      let held: FakeStripeEvent[] = [];
      for (const step of steps) {
        clock.set(step.at);
        const plan = delivery.schedule(await step.act(run), random);
        for (const event of [...plan.deliver, ...held]) {
          const copies = Array.from({ length: delivery.concurrentCopies ?? 1 }, () =>
            deliverStripeEvent(t, fake, event),
          );
          const outcomes = await Promise.all(copies);
          // Concurrent copies of one event: at most one takes effect, the others are duplicates.
          expect(outcomes.filter((outcome) => outcome !== 'duplicate').length).toBeLessThanOrEqual(
            1,
          );
        }
        if (delivery.replayHistory) {
          for (const event of history) {
            expect(await deliverStripeEvent(t, fake, event)).toBe('duplicate');
          }
        }
        history.push(...plan.deliver, ...held);
        held = plan.hold;
        await expectState(run.athleteId, step);
        await ask(run.athleteId);
      }
      for (const event of held) await deliverStripeEvent(t, fake, event);
      const last = steps.at(-1);
      if (!last) throw new Error('no steps');
      await expectState(run.athleteId, { ...last, expected: { ...last.expected, askUsed: 1 } });
    },
  );

  it('shows the period so far by day', async () => {
    const run: Run = { t, athleteId: 'sequence-by-day', subscriptionId: '' };
    clock.set('2026-06-10T07:00:00Z');
    await createAthlete(t, run.athleteId);
    const [upgrade] = steps;
    if (!upgrade) throw new Error('no steps');
    clock.set(upgrade.at);
    for (const event of await upgrade.act(run)) await deliverStripeEvent(t, fake, event);
    await ask(run.athleteId);
    clock.set('2026-06-12T10:00:00Z');
    await ask(run.athleteId);
    await ask(run.athleteId);
    const response = await rest(t, 'get', `/v1/billing/usage?athleteId=${run.athleteId}`, {
      headers: asService(t),
    });
    const usage = (await response.json()) as {
      byKind: { ask: { used: number } };
      byDay: { date: string; calls: { ask: number } }[];
    };
    expect(usage.byKind.ask.used).toBe(3);
    expect(usage.byDay.map((day) => [day.date, day.calls.ask])).toEqual([
      ['2026-06-10', 1],
      ['2026-06-11', 0],
      ['2026-06-12', 2],
    ]);
  });
});
