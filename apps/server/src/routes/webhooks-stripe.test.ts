import { findSubscription } from '@aria/db';
import { signStripePayload, startFakeStripe } from '@aria/integrations/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asService, createAthlete, expectProblem, rest } from '../testing/rest.js';
import { deliverStripeEvent, postStripeWebhook } from '../testing/stripe.js';

const fake = await startFakeStripe();
afterAll(() => fake.close());

describe('POST /webhooks/stripe', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(fake.env, { stripe: { endpoint: fake.endpoint } });
  });
  afterAll(() => t.deps.close());

  const post = (body: string, signature?: string) =>
    t.app.request('/webhooks/stripe', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(signature ? { 'Stripe-Signature': signature } : {}),
      },
      body,
    });

  it('answers 400 problem+json for a bad or missing signature, and changes nothing', async () => {
    const event = fake.event('customer.subscription.deleted', {
      id: 'sub_x',
      object: 'subscription',
    });
    const body = JSON.stringify(event);
    const forged = await signStripePayload(body, 'whsec_forged');
    const refused = await expectProblem(await post(body, forged.signature), 400, 'BAD_REQUEST');
    expect(refused.detail).toBe('The Stripe-Signature header does not verify.');
    const tampered = await fake.sign(event);
    await expectProblem(await post(`${tampered.body}\n`, tampered.signature), 400, 'BAD_REQUEST');
    await expectProblem(await post(body), 400, 'BAD_REQUEST');
    expect(fake.requests).toHaveLength(0);
  });

  it('acknowledges and logs an event type it does not use', async () => {
    const event = fake.event('payment_method.attached', { id: 'pm_1', object: 'payment_method' });
    expect(await deliverStripeEvent(t, fake, event)).toBe('ignored');
    expect(t.logs.lines).toContainEqual(
      expect.objectContaining({
        msg: 'stripe event acknowledged, not used',
        eventId: event.id,
        type: 'payment_method.attached',
        outcome: 'ignored',
      }),
    );
  });

  it('applies a checkout once; a replay changes nothing', async () => {
    await createAthlete(t, 'hook-athlete');
    const checkout = await rest(t, 'post', '/v1/billing/checkout', {
      headers: asService(t),
      body: { athleteId: 'hook-athlete', tier: 'star' },
    });
    const { sessionId } = (await checkout.json()) as { sessionId: string };
    const done = fake.completeCheckout(sessionId);
    expect(await deliverStripeEvent(t, fake, done.checkoutCompleted)).toBe('applied');
    const applied = await findSubscription(t.deps.db, 'hook-athlete');
    expect(applied).toMatchObject({ tier: 'star', stripeSubscriptionId: done.subscriptionId });

    // Stripe has moved on meanwhile; the replayed delivery must still change nothing.
    fake.state.subscription(done.subscriptionId).status = 'unpaid';
    const requests = fake.requests.length;
    expect(await deliverStripeEvent(t, fake, done.checkoutCompleted)).toBe('duplicate');
    expect(await findSubscription(t.deps.db, 'hook-athlete')).toEqual(applied);
    expect(fake.requests.length).toBe(requests);
  });

  it('answers 500 when Stripe cannot be read, so Stripe delivers again', async () => {
    await createAthlete(t, 'hook-retry');
    const checkout = await rest(t, 'post', '/v1/billing/checkout', {
      headers: asService(t),
      body: { athleteId: 'hook-retry', tier: 'pro' },
    });
    const { sessionId } = (await checkout.json()) as { sessionId: string };
    const done = fake.completeCheckout(sessionId);
    fake.failNextRequests(1);
    const { body, signature } = await fake.sign(done.invoicePaid);
    const failed = await postStripeWebhook(t, body, signature);
    expect(failed).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(await deliverStripeEvent(t, fake, done.invoicePaid)).toBe('applied');
  });
});

describe('POST /webhooks/stripe without Stripe settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.deps.close());

  it('answers 503 NOT_CONFIGURED, and so do checkout, cancel and portal', async () => {
    const { body, signature } = await fake.sign(fake.event('invoice.paid', { id: 'in_1' }));
    const answer = await postStripeWebhook(t, body, signature);
    expect(answer).toMatchObject({ status: 503, body: { code: 'NOT_CONFIGURED' } });
    expect(answer.contentType).toContain('application/problem+json');
    await createAthlete(t, 'no-stripe');
    for (const path of ['/v1/billing/checkout', '/v1/billing/cancel', '/v1/billing/portal']) {
      const response = await rest(t, 'post', path, {
        headers: asService(t),
        body: { athleteId: 'no-stripe', tier: 'pro' },
      });
      await expectProblem(response, 503, 'NOT_CONFIGURED');
    }
  });
});
