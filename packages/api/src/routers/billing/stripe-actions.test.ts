import { describeOnDriver } from '@aria/db/testing';
import { createStripeBilling } from '@aria/integrations';
import { type FakeStripeEvent, startFakeStripe } from '@aria/integrations/testing';
import { afterAll, expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../../testing/router-kit.js';
import { handleStripeWebhook } from './stripe-webhook.js';

// billing.checkout / cancel / portal through the real `stripe` SDK and a local fake of Stripe.

let now = () => new Date();
const fake = await startFakeStripe({ now: () => now() });
afterAll(() => fake.close());

const settings = {
  secretKey: fake.secretKey,
  webhookSecret: fake.webhookSecret,
  prices: fake.prices,
  returnUrl: 'https://tracklit.test/billing',
};

describeOnDriver('pglite', 'billing with Stripe', (suite) => {
  const billing = createStripeBilling(settings, { endpoint: fake.endpoint });
  const kit = routerTestKit(() => suite.db, { billing });
  now = kit.clock.now;

  const deliver = async (event: FakeStripeEvent) => {
    const { body, signature } = await fake.sign(event);
    return handleStripeWebhook({ db: suite.db, billing }, body, signature);
  };
  const subscribe = async (athleteId: string, tier: 'pro' | 'star') => {
    const athlete = await kit.asUser(athleteId);
    const { sessionId } = await athlete.billing.checkout({ tier });
    const done = fake.completeCheckout(sessionId);
    for (const event of [done.subscriptionCreated, done.checkoutCompleted, done.invoicePaid]) {
      await deliver(event);
    }
    return { athlete, ...done };
  };

  it('opens a Checkout session for the athlete, with client_reference_id and return URLs', async () => {
    const athlete = await kit.asUser('checkout-1');
    const checkout = await athlete.billing.checkout({ tier: 'star' });
    expect(checkout).toEqual({
      flow: 'checkout',
      sessionId: expect.stringMatching(/^cs_test_/),
      url: expect.stringContaining(`/checkout/${checkout.sessionId}`),
    });
    const session = fake.state.sessions.get(checkout.sessionId);
    expect(session).toMatchObject({
      client_reference_id: 'checkout-1',
      price: fake.prices.star,
      subscription_metadata: { athleteId: 'checkout-1' },
      success_url:
        'https://tracklit.test/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://tracklit.test/billing?checkout=cancelled',
    });
    const custom = await athlete.billing.checkout({
      tier: 'pro',
      returnUrl: 'https://tracklit.test/settings?tab=plan',
    });
    expect(fake.state.sessions.get(custom.sessionId)?.cancel_url).toBe(
      'https://tracklit.test/settings?tab=plan&checkout=cancelled',
    );
  });

  it('makes the athlete pro once Stripe reports the paid checkout', async () => {
    const { athlete, subscriptionId, customerId } = await subscribe('checkout-2', 'pro');
    expect(await athlete.billing.subscription()).toMatchObject({
      tier: 'pro',
      status: 'active',
      managedBy: 'stripe',
      cancelAtPeriodEnd: false,
      currentPeriodStart: kit.clock.now(),
      quotaPeriod: { start: '2026-06-01' },
      usage: { ask: { used: 0, limit: 15, remaining: 15 } },
    });
    expect(fake.state.subscription(subscriptionId).customer).toBe(customerId);
  });

  it('refuses the same tier and a lower one with CONFLICT', async () => {
    const { athlete } = await subscribe('checkout-3', 'star');
    await expect(athlete.billing.checkout({ tier: 'star' })).rejects.toMatchObject({
      ...trpcFailure('CONFLICT'),
      message: 'The athlete is already on the star tier.',
    });
    await expect(athlete.billing.checkout({ tier: 'pro' })).rejects.toMatchObject({
      ...trpcFailure('CONFLICT'),
      message: expect.stringContaining('pro is lower'),
    });
  });

  it('upgrades a live pro subscription through the portal, not a second subscription', async () => {
    const { athlete, subscriptionId, customerId } = await subscribe('checkout-4', 'pro');
    const sessions = fake.state.sessions.size;
    const upgrade = await athlete.billing.checkout({ tier: 'star' });
    expect(upgrade.flow).toBe('plan_change');
    expect(upgrade.url).toContain('flow=subscription_update_confirm');
    expect(fake.state.sessions.size).toBe(sessions);
    expect(fake.requests.at(-1)?.params).toMatchObject({
      customer: customerId,
      flow_data: {
        subscription_update_confirm: {
          subscription: subscriptionId,
          items: [{ price: fake.prices.star }],
        },
      },
    });
  });

  it('cancels at period end: the tier stays, and asking again changes nothing', async () => {
    const { athlete, subscriptionId } = await subscribe('checkout-5', 'pro');
    const cancelled = await athlete.billing.cancel();
    expect(cancelled).toMatchObject({ tier: 'pro', status: 'active', cancelAtPeriodEnd: true });
    expect(fake.state.subscription(subscriptionId).cancel_at_period_end).toBe(true);
    const requests = fake.requests.length;
    expect(await athlete.billing.cancel()).toMatchObject({ cancelAtPeriodEnd: true });
    expect(fake.requests.length).toBe(requests);

    const free = await kit.asUser('checkout-free');
    await expect(free.billing.cancel()).rejects.toMatchObject(trpcFailure('CONFLICT'));
  });

  it('opens the customer portal for a Stripe customer only', async () => {
    const { athlete, customerId } = await subscribe('checkout-6', 'pro');
    const portal = await athlete.billing.portal({ returnUrl: 'https://tracklit.test/account' });
    expect(portal.url).toMatch(/\/portal\/bps_test_/);
    expect(fake.requests.at(-1)?.params).toMatchObject({
      customer: customerId,
      return_url: 'https://tracklit.test/account',
    });
    const free = await kit.asUser('portal-free');
    await expect(free.billing.portal()).rejects.toMatchObject(trpcFailure('CONFLICT'));
    await expect(free.billing.portal({ returnUrl: 'javascript:alert(1)' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });

  it('cancels a second paid subscription when its webhook arrives, keeping the first', async () => {
    const athlete = await kit.asUser('double-payer');
    // Two checkouts for different tiers are both open; the athlete pays both.
    const pro = await athlete.billing.checkout({ tier: 'pro' });
    const star = await athlete.billing.checkout({ tier: 'star' });
    const first = fake.completeCheckout(pro.sessionId);
    const second = fake.completeCheckout(star.sessionId);
    expect(second.customerId).toBe(first.customerId);
    expect((await deliver(first.checkoutCompleted)).outcome).toBe('applied');
    const duplicate = await deliver(second.subscriptionCreated);
    expect(duplicate).toMatchObject({
      outcome: 'cancelled_second_subscription',
      athleteId: 'double-payer',
      subscriptionId: second.subscriptionId,
    });
    expect(fake.state.subscription(second.subscriptionId).status).toBe('canceled');
    expect(fake.state.subscription(first.subscriptionId).status).toBe('active');
    expect(await athlete.billing.subscription()).toMatchObject({ tier: 'pro' });
    // The second one's other events (and Stripe's deletion) change nothing.
    for (const event of [
      second.checkoutCompleted,
      fake.subscriptionDeleted(second.subscriptionId),
    ]) {
      expect((await deliver(event)).outcome).toBe('superseded');
    }
    expect(await athlete.billing.subscription()).toMatchObject({ tier: 'pro', status: 'active' });
  });

  it('cancels the Stripe subscription before erasing the athlete', async () => {
    const { athlete, subscriptionId } = await subscribe('paying-eraser', 'pro');
    expect(await athlete.athletes.delete()).toEqual({ id: 'paying-eraser', erased: true });
    expect(fake.state.subscription(subscriptionId).status).toBe('canceled');
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v1/subscriptions/${subscriptionId}`,
    });
    // Stripe's deletion event finds no athlete; a re-provisioned one starts on free.
    expect((await deliver(fake.subscriptionDeleted(subscriptionId))).outcome).toBe('unmatched');
    expect(await athlete.billing.subscription()).toMatchObject({
      tier: 'free',
      managedBy: 'direct',
    });
  });

  it('refuses to set a tier directly while Stripe bills the athlete', async () => {
    await subscribe('checkout-7', 'pro');
    await expect(
      kit.asService().billing.setTier({ athleteId: 'checkout-7', tier: 'star' }),
    ).rejects.toMatchObject(trpcFailure('CONFLICT'));
  });
});

describeOnDriver('pglite', 'billing with Stripe but no STRIPE_RETURN_URL', (suite) => {
  const billing = createStripeBilling(
    { ...settings, returnUrl: undefined },
    { endpoint: fake.endpoint },
  );
  const kit = routerTestKit(() => suite.db, { billing });

  it('asks the caller for a return URL', async () => {
    const athlete = await kit.asUser('no-return-url');
    await expect(athlete.billing.checkout({ tier: 'pro' })).rejects.toMatchObject({
      ...trpcFailure('BAD_REQUEST'),
      message: expect.stringContaining('returnUrl'),
    });
    const named = await athlete.billing.checkout({ tier: 'pro', returnUrl: 'https://x.test/b' });
    expect(named.flow).toBe('checkout');
  });
});

describeOnDriver('postgres', 'concurrent Stripe checkouts', (suite) => {
  const billing = createStripeBilling(settings, { endpoint: fake.endpoint });
  const kit = routerTestKit(() => suite.db, { billing });

  it('create one Stripe customer and one Checkout session', async () => {
    const athlete = await kit.asUser('racing-checkout');
    await athlete.athletes.update({ email: 'racer@example.org' });
    const checkouts = await Promise.all(
      Array.from({ length: 8 }, () => athlete.billing.checkout({ tier: 'pro' })),
    );
    expect(new Set(checkouts.map((checkout) => checkout.sessionId)).size).toBe(1);
    const customers = [...fake.state.customers.values()].filter(
      (customer) => customer.metadata.athleteId === 'racing-checkout',
    );
    expect(customers).toEqual([expect.objectContaining({ email: 'racer@example.org' })]);
    const sessionId = checkouts[0]?.sessionId ?? '';
    expect(fake.state.sessions.get(sessionId)?.customer).toBe(customers[0]?.id);
    const sent = fake.requests.filter(
      (request) =>
        request.path === '/v1/checkout/sessions' &&
        request.params.client_reference_id === 'racing-checkout',
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.params.customer === customers[0]?.id)).toBe(true);
  });
});
