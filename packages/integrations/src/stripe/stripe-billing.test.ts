import { loadConfig } from '@aria/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeStripe,
  type FakeStripeEvent,
  signStripePayload,
  startFakeStripe,
} from '../testing/index.js';
import { createBillingProvider } from './create.js';
import { entitledTier } from './snapshot.js';
import { createStripeBilling } from './stripe-billing.js';
import type { BillingProvider } from './types.js';

// The real `stripe` SDK against the local fake of the Stripe REST paths Aria uses.

let fake: FakeStripe;
let billing: BillingProvider;

beforeAll(async () => {
  fake = await startFakeStripe();
  billing = createStripeBilling(
    { secretKey: fake.secretKey, webhookSecret: fake.webhookSecret, prices: fake.prices },
    { endpoint: fake.endpoint },
  );
});
afterAll(() => fake.close());

const checkout = (athleteId: string, customerId?: string) =>
  billing.createCheckoutSession({
    athleteId,
    tier: 'pro',
    customerId,
    email: 'ada@example.org',
    successUrl: 'https://tracklit.test/billing?checkout=success',
    cancelUrl: 'https://tracklit.test/billing?checkout=cancelled',
  });

describe('createBillingProvider', () => {
  it('is undefined unless every Stripe setting is present', () => {
    expect(createBillingProvider(loadConfig({ NODE_ENV: 'test' }))).toBeUndefined();
    const configured = createBillingProvider(loadConfig({ NODE_ENV: 'test', ...fake.env }));
    expect(configured).toMatchObject({
      provider: 'stripe',
      defaultReturnUrl: 'https://tracklit.test/billing',
    });
  });
});

describe('Stripe billing through the SDK', () => {
  it('creates a subscription Checkout session naming the athlete', async () => {
    const session = await checkout('athlete-1');
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/checkout\/cs_test_/);
    const sent = fake.requests.at(-1);
    expect(sent).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions' });
    expect(sent?.params).toMatchObject({
      mode: 'subscription',
      client_reference_id: 'athlete-1',
      customer_email: 'ada@example.org',
      line_items: [{ price: 'price_test_pro', quantity: '1' }],
      metadata: { athleteId: 'athlete-1' },
      subscription_data: { metadata: { athleteId: 'athlete-1' } },
    });
  });

  it('reuses a known customer instead of an email', async () => {
    await checkout('athlete-2', 'cus_known');
    expect(fake.requests.at(-1)?.params).toMatchObject({ customer: 'cus_known' });
    expect(fake.requests.at(-1)?.params).not.toHaveProperty('customer_email');
  });

  it('reads a subscription: price tier, period from its item, metadata', async () => {
    const session = await checkout('athlete-3');
    const { subscriptionId, customerId } = fake.completeCheckout(session.id);
    const snapshot = await billing.retrieveSubscription(subscriptionId);
    expect(snapshot).toMatchObject({
      id: subscriptionId,
      customerId,
      status: 'active',
      priceId: 'price_test_pro',
      priceTier: 'pro',
      cancelAtPeriodEnd: false,
      athleteId: 'athlete-3',
    });
    expect(snapshot.currentPeriodEnd?.getTime()).toBeGreaterThan(
      snapshot.currentPeriodStart?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    expect(entitledTier(snapshot)).toBe('pro');
    expect(entitledTier({ ...snapshot, status: 'past_due' })).toBe('pro');
    expect(entitledTier({ ...snapshot, status: 'canceled' })).toBe('free');
    expect(entitledTier({ ...snapshot, priceTier: undefined })).toBe('free');
  });

  it('cancels at period end and opens the portal, also on a plan change', async () => {
    const session = await checkout('athlete-4');
    const { subscriptionId, customerId } = fake.completeCheckout(session.id);
    const cancelled = await billing.cancelAtPeriodEnd(subscriptionId);
    expect(cancelled).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });

    const portal = await billing.createPortalSession({
      customerId,
      returnUrl: 'https://tracklit.test/billing',
    });
    expect(portal.url).toMatch(/\/portal\/bps_test_/);
    const upgrade = await billing.createPortalSession({
      customerId,
      returnUrl: 'https://tracklit.test/billing',
      changePlan: { subscriptionId, itemId: cancelled.itemId ?? '', tier: 'star' },
    });
    expect(upgrade.url).toContain('flow=subscription_update_confirm');
    expect(fake.requests.at(-1)?.params).toMatchObject({
      flow_data: {
        subscription_update_confirm: {
          subscription: subscriptionId,
          items: [{ id: cancelled.itemId, price: 'price_test_star' }],
        },
      },
    });
  });

  it('creates one customer and one Checkout session per idempotency key', async () => {
    const customer = (idempotencyKey: string) =>
      billing.createCustomer({ athleteId: 'athlete-7', email: 'ada@example.org', idempotencyKey });
    const [first, second] = await Promise.all([
      customer('customer-key-7'),
      customer('customer-key-7'),
    ]);
    expect(first).toMatch(/^cus_test_/);
    expect(second).toBe(first);
    expect(fake.state.customers.get(first)).toMatchObject({
      email: 'ada@example.org',
      metadata: { athleteId: 'athlete-7' },
    });
    expect(await customer('customer-key-7b')).not.toBe(first);

    const session = (idempotencyKey: string) =>
      billing.createCheckoutSession({
        athleteId: 'athlete-7',
        tier: 'pro',
        customerId: first,
        email: undefined,
        successUrl: 'https://tracklit.test/billing?checkout=success',
        cancelUrl: 'https://tracklit.test/billing?checkout=cancelled',
        idempotencyKey,
      });
    const sessions = await Promise.all([session('checkout-key-7'), session('checkout-key-7')]);
    expect(sessions[1]).toEqual(sessions[0]);
    expect((await session('checkout-key-7c')).id).not.toBe(sessions[0]?.id);
  });

  it('cancels a subscription now, and a repeated cancel replays the answer', async () => {
    const session = await checkout('athlete-8');
    const { subscriptionId } = fake.completeCheckout(session.id);
    const cancelled = await billing.cancelNow(subscriptionId);
    expect(cancelled).toMatchObject({ id: subscriptionId, status: 'canceled' });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v1/subscriptions/${subscriptionId}`,
    });
    expect(entitledTier(cancelled)).toBe('free');
    await expect(billing.cancelNow(subscriptionId)).resolves.toMatchObject({ status: 'canceled' });
  });

  it('rejects an unknown subscription with the SDK error', async () => {
    await expect(billing.retrieveSubscription('sub_missing')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
    });
  });

  it('fails fast (no retries) when the local endpoint answers 500', async () => {
    const before = fake.requests.length;
    fake.failNextRequests(1);
    await expect(billing.retrieveSubscription('sub_any')).rejects.toMatchObject({
      statusCode: 500,
    });
    expect(fake.requests.length - before).toBe(1);
  });
});

describe('verifyEvent', () => {
  it('reads a signed invoice event: subscription from invoice.parent', async () => {
    const session = await checkout('athlete-5');
    const { invoicePaid, subscriptionId } = fake.completeCheckout(session.id);
    const { body, signature } = await fake.sign(invoicePaid);
    const event = await billing.verifyEvent(body, signature);
    expect(event).toMatchObject({
      id: invoicePaid.id,
      type: 'invoice.paid',
      kind: 'invoice_paid',
      subscriptionId,
      athleteId: 'athlete-5',
      created: new Date(invoicePaid.created * 1000),
    });
  });

  it('reads checkout and subscription events, and leaves others unhandled', async () => {
    const session = await checkout('athlete-6');
    const done = fake.completeCheckout(session.id);
    const read = async (event: FakeStripeEvent) => {
      const signed = await fake.sign(event);
      return billing.verifyEvent(signed.body, signed.signature);
    };
    expect(await read(done.checkoutCompleted)).toMatchObject({
      kind: 'checkout_completed',
      athleteId: 'athlete-6',
      subscriptionId: done.subscriptionId,
      customerId: done.customerId,
    });
    expect(await read(done.subscriptionCreated)).toMatchObject({
      kind: 'subscription_changed',
      subscriptionId: done.subscriptionId,
    });
    expect(await read(fake.event('customer.created', { id: 'cus_x' }))).toMatchObject({
      kind: 'unhandled',
      type: 'customer.created',
      subscriptionId: undefined,
    });
  });

  it('refuses a wrong secret, a changed body and an old timestamp', async () => {
    const payload = JSON.stringify(fake.event('invoice.paid', { id: 'in_x' }));
    const wrong = await signStripePayload(payload, 'whsec_not_the_secret');
    await expect(billing.verifyEvent(payload, wrong.signature)).rejects.toMatchObject({
      name: 'WebhookSignatureError',
    });
    const good = await signStripePayload(payload, fake.webhookSecret);
    await expect(billing.verifyEvent(payload, good.signature)).resolves.toMatchObject({
      type: 'invoice.paid',
    });
    await expect(billing.verifyEvent(`${payload} `, good.signature)).rejects.toMatchObject({
      name: 'WebhookSignatureError',
    });
    const old = await signStripePayload(
      payload,
      fake.webhookSecret,
      Math.floor(Date.now() / 1000) - 600,
    );
    await expect(billing.verifyEvent(payload, old.signature)).rejects.toMatchObject({
      name: 'WebhookSignatureError',
    });
    await expect(billing.verifyEvent(payload, '')).rejects.toMatchObject({
      name: 'WebhookSignatureError',
    });
  });
});
