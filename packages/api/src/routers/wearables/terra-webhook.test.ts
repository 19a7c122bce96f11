import { type Config, loadConfig } from '@aria/config';
import {
  listDailyMetrics,
  listParkedWebhookDeliveries,
  provisionAthlete,
  wearableConnections,
} from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { terraSignatureHeader } from '@aria/integrations';
import { expect, it } from 'vitest';
import { handleTerraWebhook } from './terra-webhook.js';

// Terra's webhook signing (docs.tryterra.co): "signature = hex(HMAC-SHA256(secret, `${t}.${rawBody}`)); accept within
// 300 s; constant-time compare." Test vector from tryterra/terra-client-js tests: secret
// 66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36, t = 1669742999, v1 = c885ce58…5c93.
const vector = {
  secret: '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36',
  timestamp: 1669742999,
  body: '{"user": {"last_webhook_update": null, "provider": "FITBIT", "user_id": "d81ea08d-ad4d-44bd-8394-ee4b68a3f96f", "scopes": null}, "type": "deauth", "status": "success", "message": "User has deauthenticated", "version": "2022-03-16"}',
  v1: 'c885ce58891b69ab5b6c8fc7536544f4f515f2e22ec811152849295b3d995c93',
};

const config: Config = loadConfig({ NODE_ENV: 'test', TERRA_WEBHOOK_SECRET: vector.secret });

describeEachDriver('handleTerraWebhook', (suite) => {
  const at = (seconds: number) => ({ config, db: suite.db, now: () => new Date(seconds * 1000) });
  const signed = (body: string, seconds: number) =>
    terraSignatureHeader(vector.secret, seconds, body);

  it('verifies the published vector (a deauth for a user Aria never saw)', async () => {
    const result = await handleTerraWebhook(
      at(vector.timestamp + 10),
      vector.body,
      `t=${vector.timestamp},v1=${vector.v1}`,
    );
    expect(result).toMatchObject({ type: 'deauth', outcome: 'unmatched' });
  });

  it('refuses bad, stale and missing signatures, and answers NOT_CONFIGURED without a secret', async () => {
    const header = `t=${vector.timestamp},v1=${vector.v1}`;
    await expect(
      handleTerraWebhook(at(vector.timestamp), `${vector.body} `, header),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      detail: 'The terra-signature header is mismatch.',
    });
    await expect(
      handleTerraWebhook(at(vector.timestamp + 301), vector.body, header),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      detail: 'The terra-signature header is expired.',
    });
    await expect(
      handleTerraWebhook(at(vector.timestamp), vector.body, undefined),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const unconfigured = { ...at(vector.timestamp), config: loadConfig({ NODE_ENV: 'test' }) };
    await expect(handleTerraWebhook(unconfigured, vector.body, header)).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
    });
  });

  it('connects on auth, lands sleep metrics once, and acknowledges a redelivery', async () => {
    await provisionAthlete(suite.db, { id: 'terra-athlete' });
    const now = 1_780_000_000;
    const user = { user_id: 'terra-user-7', provider: 'OURA', reference_id: 'terra-athlete' };
    const auth = JSON.stringify({
      type: 'auth',
      status: 'success',
      user,
      reference_id: 'terra-athlete',
    });
    expect(await handleTerraWebhook(at(now), auth, signed(auth, now))).toMatchObject({
      type: 'auth',
      outcome: 'applied',
    });
    const connections = await suite.db.select().from(wearableConnections);
    expect(connections.find((row) => row.externalUserId === 'terra-user-7')).toMatchObject({
      athleteId: 'terra-athlete',
      provider: 'oura',
      status: 'connected',
    });

    const sleep = JSON.stringify({
      type: 'sleep',
      user: { ...user, reference_id: null },
      data: [
        {
          metadata: {
            start_time: '2026-05-31T22:30:00+02:00',
            end_time: '2026-06-01T06:45:00+02:00',
          },
          heart_rate_data: { summary: { avg_hrv_rmssd: 71, resting_hr_bpm: 47 } },
          sleep_durations_data: {
            sleep_efficiency: 0.93,
            asleep: { duration_asleep_state_seconds: 27_500 },
          },
        },
      ],
    });
    const first = await handleTerraWebhook(at(now), sleep, signed(sleep, now));
    expect(first).toMatchObject({ type: 'sleep', outcome: 'applied' });
    const redelivered = await handleTerraWebhook(at(now + 60), sleep, signed(sleep, now + 60));
    expect(redelivered).toMatchObject({ eventId: first.eventId, outcome: 'duplicate' });
    const rows = await listDailyMetrics(suite.db, 'terra-athlete', '2026-06-01', '2026-06-01');
    expect(rows).toMatchObject([
      {
        source: 'terra:oura',
        hrvRmssd: 71,
        restingHr: 47,
        sleepSeconds: 27_500,
        sleepEfficiency: 0.93,
      },
    ]);
  });

  it("files a night that ends in UTC under the athlete's own date", async () => {
    // 06:30 on 2 June in Sydney is 20:30 on 1 June in UTC.
    await provisionAthlete(suite.db, { id: 'terra-sydney', timeZone: 'Australia/Sydney' });
    const now = 1_780_001_000;
    const night = (userId: string, referenceId: string) =>
      JSON.stringify({
        type: 'sleep',
        user: { user_id: userId, provider: 'WHOOP', reference_id: referenceId },
        data: [
          {
            metadata: { start_time: '2026-06-01T12:00:00Z', end_time: '2026-06-01T20:30:00Z' },
            sleep_durations_data: { asleep: { duration_asleep_state_seconds: 28_000 } },
          },
        ],
      });
    const sydney = night('whoop-sydney', 'terra-sydney');
    expect(await handleTerraWebhook(at(now), sydney, signed(sydney, now))).toMatchObject({
      outcome: 'applied',
    });
    const rows = await listDailyMetrics(suite.db, 'terra-sydney', '2026-06-01', '2026-06-02');
    expect(rows.map((row) => [row.date, row.sleepSeconds])).toEqual([['2026-06-02', 28_000]]);
    // The next delivery finds the athlete through the connection, without a reference id.
    const later = JSON.stringify({
      ...JSON.parse(night('whoop-sydney', 'x')),
      user: { user_id: 'whoop-sydney', provider: 'WHOOP' },
    });
    expect(await handleTerraWebhook(at(now + 5), later, signed(later, now + 5))).toMatchObject({
      outcome: 'applied',
    });
  });

  it('acknowledges lifecycle noise without storing it, and parks a signed body that is not JSON', async () => {
    const now = 1_780_000_500;
    const healthcheck = JSON.stringify({ type: 'healthcheck', status: 'success' });
    expect(await handleTerraWebhook(at(now), healthcheck, signed(healthcheck, now))).toMatchObject({
      outcome: 'ignored',
    });
    // Signed, so Terra sent it: refusing it would only make Terra deliver it again.
    expect(await handleTerraWebhook(at(now), 'not json', signed('not json', now))).toMatchObject({
      outcome: 'parked',
    });
    const parked = await listParkedWebhookDeliveries(suite.db, 'terra');
    expect(parked.map((row) => Buffer.from(row.bodyBase64, 'base64').toString())).toContain(
      'not json',
    );
  });
});
