import { eraseAthlete, findSubscription, isWebhookEventRecorded, provisionAthlete } from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import { createStripeBilling } from '@aria/integrations';
import {
  type FakeStripeEvent,
  signStripePayload,
  startFakeStripe,
} from '@aria/integrations/testing';
import { afterAll, expect, it } from 'vitest';
import { handleStripeWebhook } from './stripe-webhook.js';

// The webhook handler on its own: verification, idempotency, and what it does with events it
// cannot apply. The scripted sequence runs through HTTP on real Postgres (apps/server).

const fake = await startFakeStripe();
afterAll(() => fake.close());

const appError = (code: string) => ({ name: 'AppError', code });

describeOnDriver('pglite', 'handleStripeWebhook', (suite) => {
  const billing = createStripeBilling(
    { secretKey: fake.secretKey, webhookSecret: fake.webhookSecret, prices: fake.prices },
    { endpoint: fake.endpoint },
  );
  const deps = () => ({ db: suite.db, billing });
  const deliver = async (event: FakeStripeEvent) => {
    const { body, signature } = await fake.sign(event);
    return handleStripeWebhook(deps(), body, signature);
  };
  /** A paid Checkout in the fake (nothing delivered yet). */
  const paidCheckout = async (athleteId: string) => {
    await provisionAthlete(suite.db, { id: athleteId });
    const session = await billing.createCheckoutSession({
      athleteId,
      tier: 'pro',
      customerId: undefined,
      email: undefined,
      successUrl: 'https://tracklit.test/ok',
      cancelUrl: 'https://tracklit.test/no',
    });
    return fake.completeCheckout(session.id);
  };

  it('answers NOT_CONFIGURED without Stripe and BAD_REQUEST for a bad signature', async () => {
    const body = JSON.stringify(fake.event('invoice.paid', { id: 'in_1' }));
    await expect(handleStripeWebhook({ db: suite.db }, body, 't=1,v1=x')).rejects.toMatchObject(
      appError('NOT_CONFIGURED'),
    );
    await expect(handleStripeWebhook(deps(), body, undefined)).rejects.toMatchObject({
      ...appError('BAD_REQUEST'),
      detail: 'The Stripe-Signature header is missing.',
    });
    const forged = await signStripePayload(body, 'whsec_forged');
    await expect(handleStripeWebhook(deps(), body, forged.signature)).rejects.toMatchObject({
      ...appError('BAD_REQUEST'),
      detail: 'The Stripe-Signature header does not verify.',
    });
  });

  it('acknowledges an unknown event type once, then as a duplicate', async () => {
    const event = fake.event('customer.created', { id: 'cus_unknown', object: 'customer' });
    expect(await deliver(event)).toEqual({
      eventId: event.id,
      type: 'customer.created',
      outcome: 'ignored',
    });
    expect((await deliver(event)).outcome).toBe('duplicate');
  });

  it('ignores an invoice that belongs to no subscription', async () => {
    const event = fake.event('invoice.paid', { id: 'in_one_off', object: 'invoice', parent: null });
    expect((await deliver(event)).outcome).toBe('ignored');
  });

  it('records an event whose athlete Aria does not know as unmatched', async () => {
    const done = await paidCheckout('webhook-erased');
    await eraseAthlete(suite.db, 'webhook-erased');
    expect((await deliver(done.subscriptionCreated)).outcome).toBe('unmatched');
    expect((await deliver(done.subscriptionCreated)).outcome).toBe('duplicate');
  });

  it('leaves the event unrecorded when Stripe cannot be read, so the retry applies it', async () => {
    const done = await paidCheckout('webhook-retry');
    fake.failNextRequests(1);
    await expect(deliver(done.invoicePaid)).rejects.toMatchObject({ statusCode: 500 });
    expect(await isWebhookEventRecorded(suite.db, 'stripe', done.invoicePaid.id)).toBe(false);
    expect(await deliver(done.invoicePaid)).toMatchObject({
      outcome: 'applied',
      athleteId: 'webhook-retry',
    });
    expect(await findSubscription(suite.db, 'webhook-retry')).toMatchObject({ tier: 'pro' });
  });

  it('finds the athlete from the stored customer when the event does not name it', async () => {
    const done = await paidCheckout('webhook-by-customer');
    await deliver(done.checkoutCompleted);
    const subscription = fake.state.subscription(done.subscriptionId);
    subscription.metadata = {};
    const updated = fake.subscriptionUpdated(done.subscriptionId);
    expect(await deliver(updated)).toMatchObject({
      outcome: 'applied',
      athleteId: 'webhook-by-customer',
    });
  });

  it('marks past_due on a failed latest invoice even if the subscription read lags', async () => {
    const done = await paidCheckout('webhook-lag');
    await deliver(done.subscriptionCreated);
    const renewal = fake.renew(done.subscriptionId, { paid: false });
    fake.state.subscription(done.subscriptionId).status = 'active'; // Stripe not caught up yet
    expect((await deliver(renewal.invoice)).outcome).toBe('applied');
    expect(await findSubscription(suite.db, 'webhook-lag')).toMatchObject({
      tier: 'pro',
      status: 'past_due',
    });
  });
});
