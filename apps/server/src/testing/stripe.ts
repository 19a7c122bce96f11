import type { FakeStripe, FakeStripeEvent } from '@aria/integrations/testing';
import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { asService, rest } from './rest.js';

/** A clock the scripted tests move; the app's `deps.now` and the fake Stripe share it. */
export function movableClock(start: string) {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    set(at: string) {
      current = Date.parse(at);
    },
  };
}

export interface WebhookAnswer {
  readonly status: number;
  readonly body: { readonly received?: boolean; readonly outcome?: string; readonly code?: string };
}

/** POSTs a raw body to /webhooks/stripe with the given signature header. */
export async function postStripeWebhook(
  t: TestApp,
  body: string,
  signature: string | undefined,
): Promise<WebhookAnswer & { readonly contentType: string | null }> {
  const response = await t.app.request('/webhooks/stripe', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(signature === undefined ? {} : { 'Stripe-Signature': signature }),
    },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as WebhookAnswer['body'],
    contentType: response.headers.get('content-type'),
  };
}

/** Delivers an event as Stripe does: signed with the SDK's test-header helper. Expects 200. */
export async function deliverStripeEvent(
  t: TestApp,
  fake: FakeStripe,
  event: FakeStripeEvent,
): Promise<string | undefined> {
  const { body, signature } = await fake.sign(event);
  const answer = await postStripeWebhook(t, body, signature);
  expect(answer, `${event.type} ${event.id}`).toMatchObject({
    status: 200,
    body: { received: true },
  });
  return answer.body.outcome;
}

/** The subscription as the partner REST API shows it (read by the service role). */
export async function restSubscription(t: TestApp, athleteId: string) {
  const response = await rest(t, 'get', `/v1/billing/subscription?athleteId=${athleteId}`, {
    headers: asService(t),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    tier: string;
    status: string;
    managedBy: string;
    cancelAtPeriodEnd: boolean;
    currentPeriodEnd: string | null;
    quotaPeriod: { start: string; resetsAt: string | null };
    usage: Record<string, { used: number; limit: number; remaining: number }>;
  };
}

/** A small seeded generator (mulberry32), so a failing shuffle can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}
