import { describe, expect, it } from 'vitest';
import {
  terraDeliveryId,
  terraSignature,
  terraSignatureHeader,
  verifyTerraSignature,
} from './signature.js';

// Terra's webhook signing (docs.tryterra.co): "Webhook header `terra-signature: t=<unix>,v1=<hex>
// [,v1=…]`; signature = hex(HMAC-SHA256(secret, `${t}.${rawBody}`)); accept within 300 s;
// constant-time compare." Test vector from tryterra/terra-client-js tests:
const secret = '66142e0c2960f788b19830807d4aa25cfd27a610ec65fd36';
const timestamp = 1669742999;
const rawBody =
  '{"user": {"last_webhook_update": null, "provider": "FITBIT", "user_id": "d81ea08d-ad4d-44bd-8394-ee4b68a3f96f", "scopes": null}, "type": "deauth", "status": "success", "message": "User has deauthenticated", "version": "2022-03-16"}';
const expected = 'c885ce58891b69ab5b6c8fc7536544f4f515f2e22ec811152849295b3d995c93';
const signedAt = new Date(timestamp * 1000);

describe('terraSignature', () => {
  it('reproduces the terra-client-js test vector', () => {
    expect(terraSignature(secret, timestamp, rawBody)).toBe(expected);
  });
});

describe('verifyTerraSignature', () => {
  const check = (header: string | undefined, now = signedAt, body = rawBody) =>
    verifyTerraSignature({ secret, header, rawBody: body, now });

  it('accepts the vector, also among several v1 values', () => {
    expect(check(`t=${timestamp},v1=${expected}`)).toEqual({ ok: true, timestamp });
    expect(check(`t=${timestamp}, v1=${'0'.repeat(64)}, v1=${expected.toUpperCase()}`)).toEqual({
      ok: true,
      timestamp,
    });
  });

  it('accepts up to 300 s of clock difference either way, not more', () => {
    const header = terraSignatureHeader(secret, timestamp, rawBody);
    expect(check(header, new Date((timestamp + 300) * 1000)).ok).toBe(true);
    expect(check(header, new Date((timestamp - 300) * 1000)).ok).toBe(true);
    expect(check(header, new Date((timestamp + 301) * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a changed body, a wrong secret, and missing or malformed headers', () => {
    const header = `t=${timestamp},v1=${expected}`;
    expect(check(header, signedAt, rawBody.replace('deauth', 'auth'))).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(
      verifyTerraSignature({ secret: 'other-secret', header, rawBody, now: signedAt }),
    ).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(check(`v1=${expected}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`t=${timestamp},v1=not-hex`)).toEqual({ ok: false, reason: 'malformed' });
    expect(check(`t=${timestamp},v1=${expected.slice(2)}`)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('terraDeliveryId', () => {
  it('is the SHA-256 of the raw body, so a redelivery has the same id', () => {
    expect(terraDeliveryId(rawBody)).toBe(terraDeliveryId(rawBody));
    expect(terraDeliveryId(rawBody)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(terraDeliveryId(`${rawBody} `)).not.toBe(terraDeliveryId(rawBody));
  });
});
