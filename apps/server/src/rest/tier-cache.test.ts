import { setTimeout as sleep } from 'node:timers/promises';
import { testServices } from '@aria/config/testing';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asService, asUser, type CallerHeaders, rest } from '../testing/rest.js';

const services = testServices();
const ttlMs = 1_500;

// Two instances on one PostgreSQL database, each with its own pool and tier row cache.
describe.skipIf(!services.databaseUrl && !services.required)(
  'a tier change across two instances [postgres]',
  () => {
    let database: TestDatabase;
    let writer: TestApp;
    let other: TestApp;

    beforeAll(async () => {
      database = await createTestDatabase();
      const env = { DATABASE_URL: database.url, TIER_CACHE_TTL_MS: String(ttlMs) };
      writer = await createTestApp(env);
      other = await createTestApp(env);
    });
    afterAll(async () => {
      await Promise.all([writer?.deps.close(), other?.deps.close()]);
      await database?.drop();
    });

    /** The per-minute limit a call was counted against: it follows the caller's tier. */
    const rateLimitOf = async (t: TestApp, headers: CallerHeaders) => {
      const response = await rest(t, 'get', '/v1/athletes/me', { headers });
      expect(response.status).toBe(200);
      return response.headers.get('X-RateLimit-Limit');
    };

    it('shows at once where it was written, and within TIER_CACHE_TTL_MS on the other', async () => {
      const onWriter = await asUser(writer, 'cache-athlete');
      const onOther = await asUser(other, 'cache-athlete');
      const freeLimit = await rateLimitOf(writer, onWriter);
      expect(await rateLimitOf(other, onOther)).toBe(freeLimit);

      const set = await rest(writer, 'put', '/v1/billing/tier', {
        headers: asService(writer),
        body: { athleteId: 'cache-athlete', tier: 'star' },
      });
      expect(set.status).toBe(200);
      const committedBy = performance.now();
      const starLimit = await rateLimitOf(writer, onWriter);
      expect(starLimit).not.toBe(freeLimit);

      // Whatever the other instance read before the commit expires within the TTL of it.
      await sleep(Math.max(0, committedBy + ttlMs - performance.now()) + 20);
      expect(await rateLimitOf(other, onOther)).toBe(starLimit);
    });
  },
);
