import { createHmac } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../tools/build-for-tests.js';

// What TrackLit installs: the built package, not the workspace sources.
const published = (await import(
  pathToFileURL(path.join(packageDir, 'dist/index.js')).href
)) as typeof import('./index.js');

const secret = 'tracklit-events-secret';
const body = JSON.stringify({
  id: '9d7e8a0c-1c1e-4a43-9d2b-5b0f3f6f5e11',
  type: 'subscription.changed',
  createdAt: '2026-12-01T10:00:00.000Z',
  data: { athleteId: 'user_42', tier: 'pro', status: 'active', source: 'stripe' },
});
// Signed the way any HMAC library would, independently of the package under test.
const signed = (t: number, key = secret) =>
  `t=${t},v1=${createHmac('sha256', key).update(`${t}.${body}`).digest('hex')}`;

describe('verifyAriaWebhook from the published package', () => {
  it('verifies X-Aria-Signature and returns the typed event', async () => {
    const now = Math.floor(Date.now() / 1000);
    const result = await published.verifyAriaWebhook(body, signed(now), secret);
    expect(result).toEqual({ ok: true, event: JSON.parse(body) });
  });

  it('refuses another secret and a signature outside the tolerance it is given', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(await published.verifyAriaWebhook(body, signed(now, 'other'), secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(
      await published.verifyAriaWebhook(body, signed(now - 120), secret, { toleranceSeconds: 60 }),
    ).toEqual({ ok: false, reason: 'expired' });
  });
});
