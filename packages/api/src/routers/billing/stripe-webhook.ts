import { AppError } from '@aria/core';
import {
  applyStripeEvent,
  findAthleteIdByStripeIds,
  isWebhookEventRecorded,
  recordWebhookEvent,
  type StripeEventOutcome,
} from '@aria/db';
import {
  type BillingEvent,
  type BillingProvider,
  type SubscriptionSnapshot,
  WebhookSignatureError,
} from '@aria/integrations';
import { z } from 'zod';
import type { ApiDeps } from '../../context.js';
import { instantSchema, text } from '../../schemas/primitives.js';
import {
  deliveryIdOf,
  isUnusableContent,
  park,
  UnusableDeliveryError,
} from '../webhook-parking.js';
import { requireBilling, stateFromSnapshot } from './stripe-state.js';

/**
 * What became of one delivery; `ignored`: acknowledged, nothing to apply (e.g. an unknown
 * type); `cancelled_second_subscription`: a second live subscription of an athlete (e.g. two
 * checkouts paid) was cancelled in Stripe; `parked`: signed, but its content cannot be applied
 * (kept for an operator, `reason`).
 */
export interface StripeWebhookResult {
  readonly eventId: string;
  readonly type: string;
  readonly outcome:
    | Exclude<StripeEventOutcome, 'second_subscription'>
    | 'ignored'
    | 'cancelled_second_subscription'
    | 'parked';
  readonly athleteId?: string;
  /** The subscription the event concerns, when it concerns one. */
  readonly subscriptionId?: string;
  readonly reason?: string;
}

const optionalId = text().min(1).max(255).optional();

/** What Aria stores of an event: anything else (no id, a date out of range, NUL) is parked. */
const usableEvent = z.looseObject({
  id: text().min(1).max(255),
  type: text().max(255),
  created: instantSchema,
  subscriptionId: optionalId,
  customerId: optionalId,
  athleteId: optionalId,
  invoiceId: optionalId,
});

function checkUsable(event: BillingEvent): BillingEvent {
  const checked = usableEvent.safeParse(event);
  if (checked.success) return event;
  const fields = checked.error.issues.map((issue) => issue.path.join('.') || 'event');
  throw new UnusableDeliveryError(`The event is not usable: ${[...new Set(fields)].join(', ')}.`);
}

/** The `id` of a JSON body, if it has one (for parking an event that could not be read). */
function idIn(rawBody: string): unknown {
  try {
    const body: unknown = JSON.parse(rawBody);
    return typeof body === 'object' && body !== null && 'id' in body ? body.id : undefined;
  } catch {
    return undefined;
  }
}

const provider = 'stripe';

async function verify(billing: BillingProvider, rawBody: string, signature: string | undefined) {
  if (!signature) throw new AppError('BAD_REQUEST', 'The Stripe-Signature header is missing.');
  try {
    return await billing.verifyEvent(rawBody, signature);
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    throw new AppError('BAD_REQUEST', 'The Stripe-Signature header does not verify.', {
      cause: error,
    });
  }
}

/**
 * Stripe may read a subscription a moment before it reflects the invoice the event is about:
 * the latest invoice's outcome then decides between active and past_due.
 */
function statusAfter(event: BillingEvent, snapshot: SubscriptionSnapshot): string {
  if (event.invoiceId === undefined || snapshot.latestInvoiceId !== event.invoiceId) {
    return snapshot.status;
  }
  if (event.kind === 'invoice_payment_failed' && snapshot.status === 'active') return 'past_due';
  if (event.kind === 'invoice_paid' && snapshot.status === 'past_due') return 'active';
  return snapshot.status;
}

async function athleteFor(
  deps: Pick<ApiDeps, 'db'>,
  event: BillingEvent,
  snapshot: SubscriptionSnapshot,
): Promise<string | undefined> {
  return (
    event.athleteId ??
    snapshot.athleteId ??
    (await findAthleteIdByStripeIds(deps.db, {
      subscriptionId: snapshot.id,
      customerId: snapshot.customerId,
    }))
  );
}

/**
 * `POST /webhooks/stripe`: verifies the raw body against `Stripe-Signature`
 * (constructEventAsync, STRIPE_WEBHOOK_SECRET), re-reads the subscription the event concerns
 * from Stripe (so a late or reordered delivery applies Stripe's current word, never an old
 * snapshot), and applies it with the event id in one transaction (see applyStripeEvent: a replay
 * is a duplicate, an event older than the last applied is stale). Throws NOT_CONFIGURED or
 * BAD_REQUEST; a failed Stripe read rejects, so Stripe delivers the event again later. A live
 * subscription while the athlete already has another one is cancelled in Stripe. A signed event
 * whose content cannot be read or stored is parked (see webhook-parking.ts).
 */
export async function handleStripeWebhook(
  deps: Pick<ApiDeps, 'db' | 'billing'>,
  rawBody: string,
  signature: string | undefined,
): Promise<StripeWebhookResult> {
  const billing = requireBilling(deps);
  let event: BillingEvent;
  try {
    event = checkUsable(await verify(billing, rawBody, signature));
  } catch (error) {
    if (error instanceof AppError) throw error; // no signature, or it does not verify
    // Verified, but reading the event failed (reading is pure): its content is the problem.
    const deliveryId = deliveryIdOf(idIn(rawBody), rawBody);
    const delivery = { provider, deliveryId, rawBody };
    return { eventId: deliveryId, type: 'unknown', ...(await park(deps.db, delivery, error)) };
  }
  try {
    return await apply(deps, billing, event);
  } catch (error) {
    if (!isUnusableContent(error)) throw error;
    const delivery = { provider, deliveryId: event.id, rawBody };
    return { eventId: event.id, type: event.type, ...(await park(deps.db, delivery, error)) };
  }
}

async function apply(
  deps: Pick<ApiDeps, 'db'>,
  billing: BillingProvider,
  event: BillingEvent,
): Promise<StripeWebhookResult> {
  const result = { eventId: event.id, type: event.type };
  if (event.kind === 'unhandled' || event.subscriptionId === undefined) {
    const recorded = await recordWebhookEvent(deps.db, provider, event.id);
    return { ...result, outcome: recorded ? 'ignored' : 'duplicate' };
  }
  // A replay needs no call to Stripe; the transaction below decides for concurrent ones.
  if (await isWebhookEventRecorded(deps.db, provider, event.id)) {
    return { ...result, outcome: 'duplicate' };
  }
  const snapshot = await billing.retrieveSubscription(event.subscriptionId);
  const athleteId = await athleteFor(deps, event, snapshot);
  if (athleteId === undefined) {
    const recorded = await recordWebhookEvent(deps.db, provider, event.id);
    return { ...result, outcome: recorded ? 'unmatched' : 'duplicate' };
  }
  const outcome = await applyStripeEvent(deps.db, {
    eventId: event.id,
    created: event.created,
    athleteId,
    state: stateFromSnapshot(snapshot, statusAfter(event, snapshot)),
  });
  if (outcome === 'second_subscription') {
    // Cancelled first, recorded after: if Stripe fails, the redelivery tries again.
    await billing.cancelNow(snapshot.id);
    await recordWebhookEvent(deps.db, provider, event.id);
    return {
      ...result,
      outcome: 'cancelled_second_subscription',
      athleteId,
      subscriptionId: snapshot.id,
    };
  }
  return { ...result, outcome, athleteId };
}
