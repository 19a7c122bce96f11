import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StripeEndpoint } from '../stripe-billing.js';
import { type FakeStripeRequest, handleFakeStripeRequest } from './fake-stripe-http.js';
import { addMonth, FakeStripeState, fakeId, unixSeconds } from './fake-stripe-state.js';
import {
  type FakeStripeEvent,
  type SignedDelivery,
  signStripeEvent,
  stripeEvent,
} from './webhook-events.js';

export interface FakeStripeOptions {
  /** The clock of subscription periods and event `created` (tests pass their own). */
  readonly now?: () => Date;
}

/**
 * A local stand-in for the Stripe API (the REST paths Aria calls, form-encoded in, JSON out)
 * plus a small simulator of what Stripe does on its own — checkout completion, renewals,
 * failed and recovered payments, period-end cancellation — each answering the events Stripe
 * would send, so tests can deliver them in any order, twice, or not at all.
 */
export async function startFakeStripe(options: FakeStripeOptions = {}) {
  const now = options.now ?? (() => new Date());
  const state = new FakeStripeState();
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const prices = { pro: 'price_test_pro', star: 'price_test_star' } as const;
  const requests: FakeStripeRequest[] = [];
  let failures = 0;
  let port = 0;
  let lastCreated = 0;

  const server = createServer((request, response) => {
    const http = {
      state,
      secretKey,
      requests,
      baseUrl: () => `http://127.0.0.1:${port}`,
      failing: () => {
        if (failures <= 0) return false;
        failures -= 1;
        return true;
      },
    };
    handleFakeStripeRequest(http, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  /** Events of one fake get strictly increasing `created` seconds (ordering stays testable). */
  const event = (type: string, object: unknown): FakeStripeEvent => {
    lastCreated = Math.max(unixSeconds(now()), lastCreated + 1);
    return stripeEvent(type, object, lastCreated);
  };
  const updated = (id: string) => event('customer.subscription.updated', state.subscription(id));

  return {
    endpoint: { host: '127.0.0.1', port, protocol: 'http' } satisfies StripeEndpoint,
    secretKey,
    webhookSecret,
    prices,
    /** The STRIPE_* environment of an app that talks to this fake. */
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_PRICE_PRO: prices.pro,
      STRIPE_PRICE_STAR: prices.star,
      STRIPE_RETURN_URL: 'https://tracklit.test/billing',
    },
    requests,
    state,
    /** The next `count` API requests answer 500. */
    failNextRequests(count: number) {
      failures = count;
    },
    sign: (stripeEventToSign: FakeStripeEvent): Promise<SignedDelivery> =>
      signStripeEvent(stripeEventToSign, webhookSecret),
    event,

    /** The athlete paid on the Checkout page: customer, subscription and first invoice. */
    completeCheckout(sessionId: string) {
      const session = state.sessions.get(sessionId);
      if (!session) throw new Error(`fake Stripe has no Checkout session ${sessionId}`);
      const customer = session.customer ?? fakeId('cus');
      const subscription = state.createSubscription({
        customer,
        price: session.price,
        metadata: session.subscription_metadata,
        start: now(),
        paid: true,
      });
      Object.assign(session, { status: 'complete', customer, subscription: subscription.id });
      const invoice = state.invoice(subscription.latest_invoice ?? '');
      return {
        subscriptionId: subscription.id,
        customerId: customer,
        subscriptionCreated: event('customer.subscription.created', subscription),
        checkoutCompleted: event('checkout.session.completed', session),
        invoicePaid: event('invoice.paid', invoice),
      };
    },

    /** The period ends and Stripe bills the next one; a failed payment makes it past_due. */
    renew(subscriptionId: string, { paid }: { paid: boolean }) {
      const subscription = state.subscription(subscriptionId);
      for (const item of subscription.items.data) {
        const start = new Date(item.current_period_end * 1000);
        item.current_period_start = unixSeconds(start);
        item.current_period_end = unixSeconds(addMonth(start));
      }
      subscription.status = paid ? 'active' : 'past_due';
      const invoice = state.issueInvoice(subscription, 'subscription_cycle', paid);
      return {
        subscriptionUpdated: updated(subscriptionId),
        invoice: event(paid ? 'invoice.paid' : 'invoice.payment_failed', invoice),
      };
    },

    /** A retry of the open invoice succeeds: the subscription is active again. */
    recover(subscriptionId: string) {
      const subscription = state.subscription(subscriptionId);
      const invoice = state.invoice(subscription.latest_invoice ?? '');
      invoice.status = 'paid';
      subscription.status = 'active';
      return {
        invoicePaid: event('invoice.paid', invoice),
        subscriptionUpdated: updated(subscriptionId),
      };
    },

    /** The event Stripe sends after a change made through the API (e.g. cancel at period end). */
    subscriptionUpdated: updated,

    /** The event Stripe sends once a subscription was canceled through the API. */
    subscriptionDeleted: (id: string) =>
      event('customer.subscription.deleted', state.subscription(id)),

    /** The period of a subscription set to cancel ends: Stripe deletes it. */
    endSubscription(subscriptionId: string) {
      const subscription = state.subscription(subscriptionId);
      subscription.status = 'canceled';
      subscription.canceled_at = unixSeconds(now());
      return { subscriptionDeleted: event('customer.subscription.deleted', subscription) };
    },

    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
