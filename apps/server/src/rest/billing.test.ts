import { startFakeStripe } from '@aria/integrations/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import {
  asService,
  asUser,
  createAthlete,
  expectJson,
  expectProblem,
  rest,
} from '../testing/rest.js';
import { deliverStripeEvent } from '../testing/stripe.js';

const fake = await startFakeStripe();
afterAll(() => fake.close());

describe('billing over REST', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(fake.env, { stripe: { endpoint: fake.endpoint } });
  });
  afterAll(() => t.deps.close());

  it('reads the caller’s own subscription, with rate-limit headers', async () => {
    const response = await rest(t, 'get', '/v1/billing/subscription', {
      headers: await asUser(t, 'rest-reader'),
    });
    expect(await expectJson(response, 200)).toMatchObject({
      athleteId: 'rest-reader',
      tier: 'free',
      usage: { ask: { used: 0, limit: 1, remaining: 1 } },
    });
    expect(response.headers.get('x-ratelimit-limit')).toBe('10');
  });

  it('validates checkout input with the procedure’s schema', async () => {
    const response = await rest(t, 'post', '/v1/billing/checkout', {
      headers: await asUser(t, 'rest-buyer'),
      body: { tier: 'gold' },
    });
    const problem = await expectProblem(response, 400, 'BAD_REQUEST');
    expect(problem.issues?.map((issue) => issue.path)).toEqual(['tier']);
  });

  it('cancels without a body and refuses the same tier with 409', async () => {
    const headers = await asUser(t, 'rest-subscriber');
    const checkout = await rest(t, 'post', '/v1/billing/checkout', {
      headers,
      body: { tier: 'pro' },
    });
    const { sessionId } = (await expectJson(checkout, 201)) as { sessionId: string };
    const done = fake.completeCheckout(sessionId);
    await deliverStripeEvent(t, fake, done.subscriptionCreated);

    const again = await rest(t, 'post', '/v1/billing/checkout', { headers, body: { tier: 'pro' } });
    expect((await expectProblem(again, 409, 'CONFLICT')).detail).toContain('already on the pro');

    const cancelled = await t.app.request('/v1/billing/cancel', { method: 'POST', headers });
    expect(await expectJson(cancelled, 200)).toMatchObject({
      tier: 'pro',
      cancelAtPeriodEnd: true,
      managedBy: 'stripe',
    });
  });

  it('sets a tier for service and admin only (PUT /v1/billing/tier)', async () => {
    await createAthlete(t, 'rest-tier');
    const body = { athleteId: 'rest-tier', tier: 'pro' };
    const refused = await rest(t, 'put', '/v1/billing/tier', {
      headers: await asUser(t, 'rest-tier'),
      body,
    });
    await expectProblem(refused, 403, 'FORBIDDEN');
    const set = await rest(t, 'put', '/v1/billing/tier', { headers: asService(t), body });
    expect(await expectJson(set, 200)).toMatchObject({ tier: 'pro', managedBy: 'direct' });
    const missing = await rest(t, 'put', '/v1/billing/tier', {
      headers: asService(t),
      body: { athleteId: 'rest-nobody', tier: 'pro' },
    });
    await expectProblem(missing, 404, 'NOT_FOUND');
  });
});
