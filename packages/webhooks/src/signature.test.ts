import { describe, expect, it } from 'vitest';
import { computeSignature, signatureHeader, verifySignature } from './signature.js';
import { verifyAriaWebhook } from './verify-aria-webhook.js';

// Terra signs with the same scheme; this vector comes from its public client's tests.
const vector = {
  secret: '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36',
  t: 1669742999,
  body: '{"user": {"last_webhook_update": null, "provider": "FITBIT", "user_id": "d81ea08d-ad4d-44bd-8394-ee4b68a3f96f", "scopes": null}, "type": "deauth", "status": "success", "message": "User has deauthenticated", "version": "2022-03-16"}',
  v1: 'c885ce58891b69ab5b6c8fc7536544f4f515f2e22ec811152849295b3d995c93',
};
const at = (t: number) => ({ now: new Date(t * 1000) });

describe('webhook signatures', () => {
  it('computes HMAC-SHA256 of "<t>.<body>" in hex (published vector)', async () => {
    expect(await computeSignature(vector.secret, vector.t, vector.body)).toBe(vector.v1);
  });

  it('matches the worked example of the README', async () => {
    const body =
      '{"id":"3f1c2a9e-0b7d-4c1e-9a53-2d8e6b4f7a10","type":"plan.generated","createdAt":"2026-12-01T12:00:00.000Z","data":{"athleteId":"user_42","planId":"p_1","event":"100m"}}';
    expect(await signatureHeader('whsec_example', body, 1764590400)).toBe(
      't=1764590400,v1=83a70235e17d9ec7acf7ce999e7561c1b6d7ab4cfb9183e6d5380dd3b3f730e1',
    );
  });

  it('accepts a fresh signature and refuses forged, altered, stale and malformed ones', async () => {
    const header = `t=${vector.t},v1=${vector.v1}`;
    expect(await verifySignature(vector.body, header, vector.secret, at(vector.t + 300))).toEqual({
      ok: true,
      timestamp: vector.t,
    });
    const refused = async (body: string, value: string | undefined, secret: string, now: number) =>
      ((await verifySignature(body, value, secret, at(now))) as { reason?: string }).reason;
    expect(await refused(vector.body, header, 'another-secret', vector.t)).toBe('mismatch');
    expect(await refused(`${vector.body} `, header, vector.secret, vector.t)).toBe('mismatch');
    expect(await refused(vector.body, header, vector.secret, vector.t + 301)).toBe('expired');
    expect(await refused(vector.body, header, vector.secret, vector.t - 301)).toBe('expired');
    expect(await refused(vector.body, undefined, vector.secret, vector.t)).toBe('missing');
    expect(await refused(vector.body, `v1=${vector.v1}`, vector.secret, vector.t)).toBe(
      'malformed',
    );
    expect(await refused(vector.body, `t=${vector.t},v1=zz`, vector.secret, vector.t)).toBe(
      'malformed',
    );
    // The signature for another timestamp does not carry over to a fresh `t`.
    expect(
      await refused(vector.body, `t=${vector.t + 10},v1=${vector.v1}`, vector.secret, vector.t),
    ).toBe('mismatch');
  });

  it('accepts any of several v1 values (secret rotation)', async () => {
    const header = `t=${vector.t},v1=${'0'.repeat(64)},v1=${vector.v1}`;
    expect((await verifySignature(vector.body, header, vector.secret, at(vector.t))).ok).toBe(true);
  });
});

describe('verifyAriaWebhook', () => {
  const secret = 'tracklit-receiver-secret';
  const event = {
    id: '0b7f3a52-3f5e-4a53-a7a4-8f2e7f0f5a10',
    type: 'plan.generated',
    createdAt: '2026-12-01T10:00:00.000Z',
    data: { athleteId: 'user_1', planId: 'p1', event: '100m' },
  };

  it('returns the typed event of a signed body', async () => {
    const body = JSON.stringify(event);
    const result = await verifyAriaWebhook(body, await signatureHeader(secret, body), secret);
    expect(result).toEqual({ ok: true, event });
    if (result.ok && result.event.type === 'plan.generated') {
      expect(result.event.data.planId).toBe('p1');
    }
  });

  it('refuses a signed body that is not an Aria event', async () => {
    for (const body of ['not json', JSON.stringify({ ...event, type: 'other' })]) {
      const result = await verifyAriaWebhook(body, await signatureHeader(secret, body), secret);
      expect(result).toEqual({ ok: false, reason: 'invalid_body' });
    }
  });

  it('honours the tolerance it is given', async () => {
    const body = JSON.stringify(event);
    const header = await signatureHeader(secret, body, 1_000_000);
    const options = { toleranceSeconds: 10, now: new Date(1_000_011 * 1000) };
    expect(await verifyAriaWebhook(body, header, secret, options)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
