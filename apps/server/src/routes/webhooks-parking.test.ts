import { listDailyMetrics, listParkedWebhookDeliveries } from '@aria/db';
import { terraSignatureHeader } from '@aria/integrations';
import { signStripePayload, startFakeStripe } from '@aria/integrations/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { createAthlete } from '../testing/rest.js';

// Signed deliveries whose content cannot be applied answered 500, so the provider delivered
// them again forever. They are acknowledged (200, outcome "parked") and kept for an operator;
// a redelivery parks nothing new. Failures that may pass (Stripe unreachable) still answer
// 500: webhooks-stripe.test.ts.

const terraSecret = 'terra-parking-secret-0123456789abcdef';
const clock = 1_780_000_000;
const fakeStripe = await startFakeStripe();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp(
    { ...fakeStripe.env, TERRA_WEBHOOK_SECRET: terraSecret },
    { now: () => new Date(clock * 1000), stripe: { endpoint: fakeStripe.endpoint } },
  );
  await createAthlete(t, 'parking-walker');
});
afterAll(async () => {
  await t.deps.close();
  await fakeStripe.close();
});

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const terra = (body: string) =>
  post('/webhooks/terra', body, {
    'terra-signature': terraSignatureHeader(terraSecret, clock, body),
  });

async function stripe(payload: unknown) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const secret = fakeStripe.env.STRIPE_WEBHOOK_SECRET ?? '';
  const { signature } = await signStripePayload(body, secret);
  return post('/webhooks/stripe', body, { 'Stripe-Signature': signature });
}

function daily(startTime: string, referenceId = 'parking-walker') {
  return JSON.stringify({
    type: 'daily',
    user: { user_id: 'terra-parking-user', provider: 'GARMIN', reference_id: referenceId },
    data: [
      {
        metadata: { start_time: startTime, end_time: startTime },
        heart_rate_data: { summary: { resting_hr_bpm: 50 } },
      },
    ],
  });
}

const parked = { status: 200, body: { received: true, outcome: 'parked' } };

describe('signed Terra deliveries with unusable content', () => {
  it.each([
    ['a daily record dated 0000-01-01', daily('0000-01-01T00:00:00+00:00')],
    ['an athlete reference with NUL', daily('2026-05-20T00:00:00+00:00', 'parking\u0000walker')],
    ['a body that is not JSON', '{"type": "daily", '],
  ])('parks %s and acknowledges it, once', async (_, body) => {
    expect(await terra(body)).toEqual(parked);
    expect(await terra(body)).toEqual(parked); // Terra retries: no second record
    const rows = await listParkedWebhookDeliveries(t.deps.db, 'terra');
    const mine = rows.filter((row) => Buffer.from(row.bodyBase64, 'base64').toString() === body);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.reason).not.toBe('');
  });

  it('still applies a usable delivery', async () => {
    expect(await terra(daily('2026-05-20T00:00:00+00:00'))).toMatchObject({
      status: 200,
      body: { outcome: 'applied' },
    });
    const rows = await listDailyMetrics(t.deps.db, 'parking-walker', '2026-05-20', '2026-05-20');
    expect(rows).toHaveLength(1);
  });
});

describe('signed Stripe events with unusable content', () => {
  const base = fakeStripe.event('customer.subscription.updated', {
    id: 'sub_parking',
    object: 'subscription',
  });

  it.each([
    ['an event without an id', { ...base, id: undefined }],
    ['an event with an empty id', { ...base, id: '' }],
    ['an event id with NUL', { ...base, id: 'evt_\u0000' }],
    ['an event without data', { ...base, id: 'evt_parking_nodata', data: null }],
    ['an event created in year 0', { ...base, id: 'evt_parking_year0', created: -62_167_219_200 }],
  ])('parks %s and acknowledges it, once', async (_, event) => {
    expect(await stripe(event)).toEqual(parked);
    expect(await stripe(event)).toEqual(parked);
    const rows = await listParkedWebhookDeliveries(t.deps.db, 'stripe');
    const body = typeof event === 'string' ? event : JSON.stringify(event);
    const mine = rows.filter((row) => Buffer.from(row.bodyBase64, 'base64').toString() === body);
    expect(mine).toHaveLength(1);
  });

  it('logs each parked delivery as a warning, without the body or query parameters', () => {
    const lines = t.logs.lines.filter((line) => String(line.msg).includes('parked'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.level).toBe(40);
      expect(JSON.stringify(line)).not.toContain('parking-walker');
    }
  });
});
