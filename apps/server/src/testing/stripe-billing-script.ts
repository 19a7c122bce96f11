import type { FakeStripe, FakeStripeEvent } from '@aria/integrations/testing';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { asService, rest } from './rest.js';
import { shuffled } from './stripe.js';

// The scripted sequence of stripe-billing-sequence.test.ts: what Stripe does at each step (on
// the fake), what Aria must show afterwards, and the orders in which events may arrive.

export interface Expected {
  readonly tier: 'free' | 'pro';
  readonly status: string;
  readonly cancelAtPeriodEnd: boolean;
  readonly quotaStart: string;
  /** `ask` calls used in the quota period before this step's own call. */
  readonly askUsed: number;
}

export interface Step {
  readonly name: string;
  readonly at: string;
  act(run: Run): Promise<FakeStripeEvent[]>;
  readonly expected: Expected;
}

export interface Run {
  readonly t: TestApp;
  readonly athleteId: string;
  subscriptionId: string;
}

export function billingScript(fake: FakeStripe): readonly Step[] {
  return [
    {
      name: 'upgrade to pro',
      at: '2026-06-10T08:00:00Z',
      async act(run) {
        const response = await rest(run.t, 'post', '/v1/billing/checkout', {
          headers: asService(run.t),
          body: { athleteId: run.athleteId, tier: 'pro' },
        });
        expect(response.status).toBe(201);
        const { sessionId } = (await response.json()) as { sessionId: string };
        const done = fake.completeCheckout(sessionId);
        run.subscriptionId = done.subscriptionId;
        return [done.subscriptionCreated, done.checkoutCompleted, done.invoicePaid];
      },
      expected: {
        tier: 'pro',
        status: 'active',
        cancelAtPeriodEnd: false,
        quotaStart: '2026-06-10',
        askUsed: 0,
      },
    },
    {
      name: 'renewal',
      at: '2026-07-10T09:00:00Z',
      act: async (run) => Object.values(fake.renew(run.subscriptionId, { paid: true })),
      expected: {
        tier: 'pro',
        status: 'active',
        cancelAtPeriodEnd: false,
        quotaStart: '2026-07-10',
        askUsed: 0,
      },
    },
    {
      name: 'payment failure',
      at: '2026-08-10T09:00:00Z',
      act: async (run) => Object.values(fake.renew(run.subscriptionId, { paid: false })),
      expected: {
        tier: 'pro',
        status: 'past_due',
        cancelAtPeriodEnd: false,
        quotaStart: '2026-08-10',
        askUsed: 0,
      },
    },
    {
      name: 'recovery',
      at: '2026-08-12T10:00:00Z',
      act: async (run) => Object.values(fake.recover(run.subscriptionId)),
      expected: {
        tier: 'pro',
        status: 'active',
        cancelAtPeriodEnd: false,
        quotaStart: '2026-08-10',
        askUsed: 1,
      },
    },
    {
      name: 'cancel at period end',
      at: '2026-08-20T10:00:00Z',
      async act(run) {
        const response = await rest(run.t, 'post', '/v1/billing/cancel', {
          headers: asService(run.t),
          body: { athleteId: run.athleteId },
        });
        expect(response.status).toBe(200);
        return [fake.subscriptionUpdated(run.subscriptionId)];
      },
      expected: {
        tier: 'pro',
        status: 'active',
        cancelAtPeriodEnd: true,
        quotaStart: '2026-08-10',
        askUsed: 2,
      },
    },
    {
      name: 'period ends',
      at: '2026-09-10T08:30:00Z',
      act: async (run) => Object.values(fake.endSubscription(run.subscriptionId)),
      expected: {
        tier: 'free',
        status: 'canceled',
        cancelAtPeriodEnd: true,
        quotaStart: '2026-09-01',
        askUsed: 0,
      },
    },
  ];
}

/** How one run delivers a step's events: now, and held back until after the next step's. */
export interface Delivery {
  readonly name: string;
  schedule(
    events: FakeStripeEvent[],
    random: () => number,
  ): {
    deliver: FakeStripeEvent[];
    hold: FakeStripeEvent[];
  };
  /** Redeliver every earlier event after each step (all must be duplicates). */
  readonly replayHistory?: boolean;
  /** Deliver each event this many times at once, as Stripe may. */
  readonly concurrentCopies?: number;
  /** Seeds `random` (a failing shuffle can be replayed by its seed). */
  readonly seed?: number;
}

export const deliveries: readonly Delivery[] = [
  { name: 'in order', schedule: (events) => ({ deliver: events, hold: [] }) },
  { name: 'reversed', schedule: (events) => ({ deliver: [...events].reverse(), hold: [] }) },
  {
    name: 'every event twice, history replayed',
    schedule: (events) => ({ deliver: events.flatMap((event) => [event, event]), hold: [] }),
    replayHistory: true,
  },
  {
    name: 'three concurrent copies of every event',
    schedule: (events) => ({ deliver: events, hold: [] }),
    concurrentCopies: 3,
  },
  {
    name: 'first event of each step late',
    schedule: (events) =>
      events.length > 1
        ? { deliver: events.slice(1), hold: events.slice(0, 1) }
        : { deliver: events, hold: [] },
  },
  ...[7, 21, 1337].map(
    (seed): Delivery => ({
      name: `shuffled, seed ${seed}`,
      seed,
      schedule(events, random) {
        // At least one event of the step arrives before the check; the rest may come late.
        const [first, ...others] = shuffled(events, random);
        const late = others.filter(() => random() < 0.5);
        const now = [...(first ? [first] : []), ...others.filter((event) => !late.includes(event))];
        const twice = now.filter(() => random() < 0.3);
        return { deliver: shuffled([...now, ...twice], random), hold: late };
      },
    }),
  ),
];
