import Stripe from 'stripe';
import { fakeId } from './fake-stripe-state.js';

/** A Stripe event as delivered: the object as it was when the event happened. */
export interface FakeStripeEvent {
  readonly id: string;
  readonly object: 'event';
  readonly type: string;
  /** Unix seconds. */
  readonly created: number;
  readonly api_version: string;
  readonly livemode: false;
  readonly pending_webhooks: number;
  readonly request: { readonly id: null; readonly idempotency_key: null };
  readonly data: { readonly object: unknown };
}

export function stripeEvent(type: string, object: unknown, created: number): FakeStripeEvent {
  return {
    id: fakeId('evt'),
    object: 'event',
    type,
    created,
    api_version: Stripe.API_VERSION,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    // A copy: later changes to the fake's objects must not reach an event already built.
    data: { object: structuredClone(object) },
  };
}

/** A webhook delivery: the raw body and its `Stripe-Signature`, made by the SDK's test helper. */
export interface SignedDelivery {
  readonly body: string;
  readonly signature: string;
}

export async function signStripePayload(
  payload: string,
  secret: string,
  timestamp?: number,
): Promise<SignedDelivery> {
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
  return { body: payload, signature };
}

export function signStripeEvent(event: FakeStripeEvent, secret: string): Promise<SignedDelivery> {
  return signStripePayload(JSON.stringify(event), secret);
}
