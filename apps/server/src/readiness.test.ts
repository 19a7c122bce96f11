import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testServices } from '@aria/config/testing';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import { createUpstashStore } from '@aria/integrations';
import { startUpstashBridge, type UpstashBridge } from '@aria/integrations/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/app.js';

async function readiness(t: TestApp) {
  const response = await t.app.request('/health/ready');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('readiness failures name the failing check', () => {
  let hangingServer: Server;
  let hangingUrl: string;

  beforeAll(async () => {
    hangingServer = createServer(() => {});
    await new Promise<void>((resolve) => hangingServer.listen(0, '127.0.0.1', resolve));
    hangingUrl = `http://127.0.0.1:${(hangingServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hangingServer.closeAllConnections();
    await new Promise((resolve) => hangingServer.close(resolve));
  });

  it('503 with redis when Redis refuses connections', async () => {
    const kv = createUpstashStore({ url: 'http://127.0.0.1:9', token: 't' }, { retry: false });
    const t = await createTestApp({}, { kv });
    try {
      const { status, body } = await readiness(t);
      expect(status).toBe(503);
      expect(body).toMatchObject({
        status: 'fail',
        failing: ['redis'],
        checks: { database: { status: 'ok' }, redis: { status: 'fail', reason: 'unreachable' } },
      });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      await t.deps.close();
    }
  });

  it('503 with the timeout when Redis does not answer in time', async () => {
    const kv = createUpstashStore({ url: hangingUrl, token: 't' }, { retry: false });
    const t = await createTestApp({ HEALTH_CHECK_TIMEOUT_MS: '100' }, { kv });
    try {
      const startedAt = Date.now();
      const { status, body } = await readiness(t);
      expect(Date.now() - startedAt).toBeLessThan(1_500);
      expect(status).toBe(503);
      expect(body).toMatchObject({
        failing: ['redis'],
        checks: { redis: { status: 'fail', reason: 'timed out after 100 ms' } },
      });
    } finally {
      await t.deps.close();
    }
  });

  it('503 with database when the database is gone', async () => {
    const t = await createTestApp();
    await t.deps.database.close();
    try {
      const { status, body } = await readiness(t);
      expect(status).toBe(503);
      expect(body).toMatchObject({ failing: ['database'] });
    } finally {
      await t.deps.kv.close();
    }
  });

  it('503 while draining for shutdown', async () => {
    const t = await createTestApp();
    try {
      t.lifecycle.markDraining();
      const { status, body } = await readiness(t);
      expect(status).toBe(503);
      expect(body).toEqual({ status: 'fail', reason: 'shutting down' });
    } finally {
      await t.deps.close();
    }
  });
});

describe('readiness on real PostgreSQL and Redis [postgres] [redis]', () => {
  const { databaseUrl, redisUrl, required } = testServices();
  const missing = [
    databaseUrl ? undefined : 'TEST_DATABASE_URL',
    redisUrl ? undefined : 'TEST_REDIS_URL',
  ].filter(Boolean);
  const skip = missing.length > 0 && !required;
  if (skip)
    console.warn(`[server readiness] skipping real-service test: ${missing.join(', ')} unset`);

  let database: TestDatabase | undefined;
  let bridge: UpstashBridge | undefined;
  let t: TestApp | undefined;

  beforeAll(async () => {
    if (skip) return;
    if (!databaseUrl || !redisUrl) throw new Error(`${missing.join(', ')} not set in CI`);
    database = await createTestDatabase(databaseUrl);
    bridge = await startUpstashBridge({ redisUrl });
    const kv = createUpstashStore(bridge, { retry: false });
    t = await createTestApp({ DATABASE_URL: database.url }, { kv });
  });
  afterAll(async () => {
    await t?.deps.close();
    await bridge?.close();
    await database?.drop();
  });

  it.skipIf(skip)('200 with both checks ok, migrations applied on a fresh database', async () => {
    if (!t) throw new Error('setup failed');
    expect(t.deps.database.driver).toBe('postgres');
    expect(t.deps.kv.driver).toBe('upstash');
    const { status, body } = await readiness(t);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, redis: { status: 'ok' } },
    });
  });
});
