import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createUpstashRateLimiter, createUpstashStore } from '@aria/integrations';
import { createMetrics, metricNames } from '@aria/metrics';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { sampleSum } from '../testing/metrics.js';

// A rate limiter whose Redis never answers: the call goes through, and that is visible.
let silentRedis: ReturnType<typeof createServer>;
let t: TestApp;
beforeAll(async () => {
  silentRedis = createServer(() => {});
  await new Promise<void>((resolve) => silentRedis.listen(0, '127.0.0.1', resolve));
  t = await createTestApp();
});
afterAll(async () => {
  silentRedis.closeAllConnections();
  await new Promise<void>((resolve) => silentRedis.close(() => resolve()));
  await t.deps.close();
});

it('counts aria_ratelimit_degraded_total and logs it with the request id, without rate headers', async () => {
  const { port } = silentRedis.address() as AddressInfo;
  const redis = createUpstashStore(
    { url: `http://127.0.0.1:${port}`, token: 't' },
    { retry: false },
  );
  const rateLimiter = createUpstashRateLimiter(redis.redis, { prefix: 'rl', timeoutMs: 50 });
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const metrics = createMetrics();
  const app = createApp({
    deps: { ...t.deps, rateLimiter },
    logger: createLogger(t.config, stream),
    lifecycle: t.lifecycle,
    metrics,
  });
  const response = await app.request('/v1/athletes/me', {
    headers: { Authorization: `Bearer ${await t.tokenFor('athlete-degraded')}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  const text = await metrics.render();
  expect(sampleSum(text, metricNames.rateLimitDegraded, { bucket: 'default' })).toBe(1);
  const requestId = response.headers.get('x-request-id');
  expect(lines).toContainEqual(
    expect.objectContaining({
      level: 40,
      requestId,
      bucket: 'default',
      userId: 'athlete-degraded',
    }),
  );
  expect(text).toContain(`# TYPE ${metricNames.quotaRefundFailures} counter`);
});
