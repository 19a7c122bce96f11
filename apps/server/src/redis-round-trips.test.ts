import { createUpstashStore } from '@aria/integrations';
import { upstashBridgeSuite } from '@aria/integrations/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/app.js';

// Over Upstash's REST protocol every Redis round trip is an HTTP request, the largest cost of
// a metered call in production. These tests count them on the real app through the bridge.

const services = upstashBridgeSuite();

describe('Redis round trips of one call (Upstash REST)', () => {
  let t: TestApp;
  beforeAll(async () => {
    await services.setup();
    if (services.skipReason !== undefined) return;
    t = await createTestApp({}, { kv: createUpstashStore(services.current(), { retry: false }) });
  });
  afterAll(async () => {
    await t?.deps.close();
    await services.teardown();
  });
  beforeEach(services.guard);

  const athleteGet = async (token: string) => {
    const response = await t.app.request('/trpc/athletes.get', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  };
  const roundTripsOf = async (call: () => Promise<void>) => {
    const before = services.current().requests.length;
    await call();
    return services.current().requests.slice(before);
  };

  it('a metered athlete read makes two: token and marker reads, then the rate windows', async () => {
    const token = await t.tokenFor(`round-trips-${Date.now()}`);
    // First call: the athlete is provisioned and the marker written.
    await athleteGet(token);
    const trips = await roundTripsOf(() => athleteGet(token));
    // One read pipeline (revocation entries + marker), then both rate windows in one script.
    expect(trips).toEqual(['/pipeline', '/pipeline']);
  });

  it('provisions a revoked athlete never: the early marker read does not act', async () => {
    const athleteId = `round-trips-revoked-${Date.now()}`;
    const token = await t.tokenFor(athleteId);
    const revoke = await t.app.request('/trpc/admin.revokeUserTokens', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await t.tokenFor('round-trips-operator', 'admin')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ json: { userId: athleteId } }),
    });
    expect(revoke.status).toBe(200);
    const refused = await t.app.request('/trpc/athletes.get', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status).toBe(401);
    const lookup = await t.app.request(
      `/trpc/athletes.get?input=${encodeURIComponent(JSON.stringify({ json: { athleteId } }))}`,
      { headers: { 'x-api-key': t.internalApiKey } },
    );
    expect(lookup.status).toBe(404);
  });
});
