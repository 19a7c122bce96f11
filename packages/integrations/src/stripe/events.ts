import type Stripe from 'stripe';
import { idOf } from './snapshot.js';
import type { BillingEvent } from './types.js';

const nonEmpty = (value: string | null | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

type EventIds = Omit<BillingEvent, 'id' | 'type' | 'created'>;

const none: EventIds = {
  kind: 'unhandled',
  subscriptionId: undefined,
  customerId: undefined,
  athleteId: undefined,
  invoiceId: undefined,
};

function checkoutIds(session: Stripe.Checkout.Session): EventIds {
  return {
    ...none,
    kind: 'checkout_completed',
    subscriptionId: idOf(session.subscription),
    customerId: idOf(session.customer),
    athleteId: nonEmpty(session.client_reference_id) ?? nonEmpty(session.metadata?.athleteId),
  };
}

function subscriptionIds(subscription: Stripe.Subscription): EventIds {
  return {
    ...none,
    kind: 'subscription_changed',
    subscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    athleteId: nonEmpty(subscription.metadata?.athleteId),
  };
}

/** Current API versions name an invoice's subscription at `parent.subscription_details`. */
function invoiceIds(invoice: Stripe.Invoice, kind: EventIds['kind']): EventIds {
  const details = invoice.parent?.subscription_details;
  return {
    ...none,
    kind,
    subscriptionId: idOf(details?.subscription),
    customerId: idOf(invoice.customer),
    athleteId: nonEmpty(details?.metadata?.athleteId),
    invoiceId: invoice.id,
  };
}

function idsOf(event: Stripe.Event): EventIds {
  switch (event.type) {
    case 'checkout.session.completed':
      return checkoutIds(event.data.object);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return subscriptionIds(event.data.object);
    case 'invoice.paid':
      return invoiceIds(event.data.object, 'invoice_paid');
    case 'invoice.payment_failed':
      return invoiceIds(event.data.object, 'invoice_payment_failed');
    default:
      return none;
  }
}

/** A verified Stripe event reduced to what Aria acts on; other event types are `unhandled`. */
export function toBillingEvent(event: Stripe.Event): BillingEvent {
  return {
    id: event.id,
    type: event.type,
    created: new Date(event.created * 1000),
    ...idsOf(event),
  };
}
