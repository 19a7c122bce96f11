import { listDailyMetrics } from '@aria/db';
import { terraSignatureHeader } from '@aria/integrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asService, expectProblem } from '../testing/rest.js';

// Terra's webhook signing (docs.tryterra.co): "Webhook header `terra-signature: t=<unix>,v1=<hex>[,v1=…]`; signature =
// hex(HMAC-SHA256(secret, `${t}.${rawBody}`)); accept within 300 s; constant-time compare."
// Test vector (tryterra/terra-client-js tests):
const secret = '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36';
const vectorTimestamp = 1669742999;
const vectorBody =
  '{"user": {"last_webhook_update": null, "provider": "FITBIT", "user_id": "d81ea08d-ad4d-44bd-8394-ee4b68a3f96f", "scopes": null}, "type": "deauth", "status": "success", "message": "User has deauthenticated", "version": "2022-03-16"}';
const vectorSignature = `t=${vectorTimestamp},v1=c885ce58891b69ab5b6c8fc7536544f4f515f2e22ec811152849295b3d995c93`;

let clock = vectorTimestamp + 5;
let t: TestApp;
let unconfigured: TestApp;

beforeAll(async () => {
  t = await createTestApp({ TERRA_WEBHOOK_SECRET: secret }, { now: () => new Date(clock * 1000) });
  unconfigured = await createTestApp();
});
afterAll(() => Promise.all([t.deps.close(), unconfigured.deps.close()]));

const deliver = (app: TestApp, body: string, signature?: string) =>
  app.app.request('/webhooks/terra', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(signature === undefined ? {} : { 'terra-signature': signature }),
    },
    body,
  });

describe('POST /webhooks/terra', () => {
  it('verifies the published vector over the exact raw bytes', async () => {
    clock = vectorTimestamp + 5;
    const response = await deliver(t, vectorBody, vectorSignature);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: 'unmatched' });
    const reformatted = JSON.stringify(JSON.parse(vectorBody));
    await expectProblem(await deliver(t, reformatted, vectorSignature), 400, 'BAD_REQUEST');
  });

  it('refuses a missing or stale signature', async () => {
    clock = vectorTimestamp + 301;
    await expectProblem(await deliver(t, vectorBody, vectorSignature), 400, 'BAD_REQUEST');
    await expectProblem(await deliver(t, vectorBody), 400, 'BAD_REQUEST');
  });

  it('lands a daily payload as metrics once; a redelivery is acknowledged as a duplicate', async () => {
    clock = 1_780_000_000;
    const created = await t.app.request('/v1/athletes', {
      method: 'POST',
      headers: { ...asService(t), 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'terra-walker' }),
    });
    expect(created.status).toBe(201);
    const body = JSON.stringify({
      type: 'daily',
      user: { user_id: 'terra-user-9', provider: 'GARMIN', reference_id: 'terra-walker' },
      data: [
        {
          metadata: {
            start_time: '2026-05-20T00:00:00-05:00',
            end_time: '2026-05-21T00:00:00-05:00',
          },
          heart_rate_data: { summary: { resting_hr_bpm: 51, avg_hrv_rmssd: 66.5 } },
          distance_data: { steps: 8123 },
          scores: { recovery: 74 },
        },
      ],
    });
    const first = await deliver(t, body, terraSignatureHeader(secret, clock, body));
    expect(await first.json()).toEqual({ received: true, outcome: 'applied' });
    const again = await deliver(t, body, terraSignatureHeader(secret, clock + 30, body));
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' });
    const rows = await listDailyMetrics(t.deps.db, 'terra-walker', '2026-05-20', '2026-05-20');
    expect(rows).toMatchObject([
      {
        source: 'terra:garmin',
        restingHr: 51,
        // A daily payload's HRV is the 24-hour average, kept apart from overnight readings.
        hrvRmssd: null,
        hrvRmssdDaily: 66.5,
        steps: 8123,
        recoveryScore: 74,
      },
    ]);
  });

  it('answers NOT_CONFIGURED without TERRA_WEBHOOK_SECRET', async () => {
    await expectProblem(
      await deliver(unconfigured, vectorBody, vectorSignature),
      503,
      'NOT_CONFIGURED',
    );
  });
});
