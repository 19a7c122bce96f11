import { randomBytes } from 'node:crypto';

/** The Stripe objects the fake keeps, in Stripe's JSON shape (only the fields Aria reads). */
export interface FakeSubscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  created: number;
  metadata: Record<string, string>;
  latest_invoice: string | null;
  items: {
    object: 'list';
    data: {
      id: string;
      object: 'subscription_item';
      quantity: number;
      price: { id: string; object: 'price' };
      current_period_start: number;
      current_period_end: number;
    }[];
  };
}

export interface FakeInvoice {
  id: string;
  object: 'invoice';
  customer: string;
  status: 'open' | 'paid';
  billing_reason: 'subscription_create' | 'subscription_cycle';
  parent: {
    type: 'subscription_details';
    subscription_details: { subscription: string; metadata: Record<string, string> };
  };
}

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete';
  url: string;
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  subscription: string | null;
  success_url: string;
  cancel_url: string;
  /** Not in Stripe's answer without `expand`; kept so the fake can complete the session. */
  price: string;
  subscription_metadata: Record<string, string>;
}

export const fakeId = (prefix: string) => `${prefix}_test_${randomBytes(8).toString('hex')}`;
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** One month on from `at`, as Stripe bills monthly prices. */
export function addMonth(at: Date): Date {
  const next = new Date(at);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next;
}

export interface FakeCustomer {
  id: string;
  object: 'customer';
  email: string | null;
  metadata: Record<string, string>;
}

/** A request answered under an `Idempotency-Key`: replayed for the same key and parameters. */
export interface FakeIdempotentAnswer {
  readonly request: string;
  readonly status: number;
  readonly body: unknown;
}

export class FakeStripeState {
  readonly customers = new Map<string, FakeCustomer>();
  readonly idempotent = new Map<string, FakeIdempotentAnswer>();
  readonly sessions = new Map<string, FakeCheckoutSession>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  readonly invoices = new Map<string, FakeInvoice>();

  subscription(id: string): FakeSubscription {
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`fake Stripe has no subscription ${id}`);
    return subscription;
  }

  invoice(id: string): FakeInvoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw new Error(`fake Stripe has no invoice ${id}`);
    return invoice;
  }

  /** A subscription (with its first invoice) as Checkout creates it once the athlete pays. */
  createSubscription(input: {
    customer: string;
    price: string;
    metadata: Record<string, string>;
    start: Date;
    paid: boolean;
  }): FakeSubscription {
    const start = unixSeconds(input.start);
    const subscription: FakeSubscription = {
      id: fakeId('sub'),
      object: 'subscription',
      customer: input.customer,
      status: input.paid ? 'active' : 'incomplete',
      cancel_at_period_end: false,
      canceled_at: null,
      created: start,
      metadata: { ...input.metadata },
      latest_invoice: null,
      items: {
        object: 'list',
        data: [
          {
            id: fakeId('si'),
            object: 'subscription_item',
            quantity: 1,
            price: { id: input.price, object: 'price' },
            current_period_start: start,
            current_period_end: unixSeconds(addMonth(input.start)),
          },
        ],
      },
    };
    this.subscriptions.set(subscription.id, subscription);
    this.issueInvoice(subscription, 'subscription_create', input.paid);
    return subscription;
  }

  issueInvoice(
    subscription: FakeSubscription,
    reason: FakeInvoice['billing_reason'],
    paid: boolean,
  ): FakeInvoice {
    const invoice: FakeInvoice = {
      id: fakeId('in'),
      object: 'invoice',
      customer: subscription.customer,
      status: paid ? 'paid' : 'open',
      billing_reason: reason,
      parent: {
        type: 'subscription_details',
        subscription_details: {
          subscription: subscription.id,
          metadata: { ...subscription.metadata },
        },
      },
    };
    this.invoices.set(invoice.id, invoice);
    subscription.latest_invoice = invoice.id;
    return invoice;
  }
}
