import type { Authenticator } from '@aria/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { createTestApp, type TestApp } from './testing/app.js';

let t: TestApp;
beforeAll(async () => {
  // A frozen clock in the middle of a minute, so the per-minute window cannot roll over.
  const frozen = new Date();
  frozen.setUTCSeconds(30, 0);
  t = await createTestApp({}, { now: () => frozen });
});
afterAll(() => t.deps.close());

type TrpcError = { error: { json: { data: Record<string, unknown> } } };

describe('tRPC over HTTP', () => {
  it('answers 401 with a reason code, and no hint of which secret was close', async () => {
    const response = await t.app.request('/trpc/athletes.get', {
      headers: { Authorization: 'Bearer not.a.jwt' },
    });
    expect(response.status).toBe(401);
    const { data } = ((await response.json()) as TrpcError).error.json;
    expect(data).toMatchObject({ code: 'UNAUTHORIZED', reason: 'token_invalid', status: 401 });
  });

  it('names the caller in the request log and sends rate headers', async () => {
    const token = await t.tokenFor('http-athlete');
    const response = await t.app.request('/trpc/athletes.get', {
      headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'who-am-i' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('10');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9');
    const line = t.logs.lines.find(
      (entry) => entry.requestId === 'who-am-i' && entry.msg === 'request',
    );
    expect(line).toMatchObject({ userId: 'http-athlete', status: 200 });
    expect(JSON.stringify(t.logs.lines)).not.toContain(token);
  });

  it('answers 429 with Retry-After once the free rate is spent', async () => {
    const headers = { Authorization: `Bearer ${await t.tokenFor('http-burst')}` };
    const statuses: number[] = [];
    const call = () => t.app.request('/trpc/athletes.get', { headers });
    for (let index = 0; index < 10; index += 1) statuses.push((await call()).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const last = await call();
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    const { data } = ((await last.json()) as TrpcError).error.json;
    expect(data).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });

  it('answers malformed superjson with a 400 problem and no JavaScript error text', async () => {
    const nested = `${'['.repeat(20_000)}"Date"${']'.repeat(20_000)}`;
    const bodies = [
      JSON.stringify({ json: 1, meta: { values: ['map'] } }),
      JSON.stringify({ json: { id: 'x' }, meta: { values: { id: [['custom', 'nope']] } } }),
      `{"json":{"id":"x"},"meta":{"values":{"id":${nested}}}}`,
    ];
    for (const body of bodies) {
      const response = await t.app.request('/trpc/athletes.create', {
        method: 'POST',
        headers: { 'X-API-Key': t.internalApiKey, 'Content-Type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      const { data } = ((await response.json()) as TrpcError).error.json;
      expect(data).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
      expect(data.detail).toBe(
        'The request could not be read: its URL encoding, JSON or superjson is malformed.',
      );
    }
  });

  it('refuses askStream without a streaming link before charging the quota', async () => {
    const headers = {
      Authorization: `Bearer ${await t.tokenFor('http-stream-link')}`,
      'Content-Type': 'application/json',
    };
    const body = JSON.stringify({ json: { question: 'How do I start faster?' } });
    const single = await t.app.request('/trpc/coaching.askStream', {
      method: 'POST',
      headers,
      body,
    });
    expect(single.status).toBe(415);
    const { data } = ((await single.json()) as TrpcError).error.json;
    expect(data).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(single.headers.get('x-monthly-usage')).toBeNull();

    const batched = await t.app.request('/trpc/coaching.askStream?batch=1', {
      method: 'POST',
      headers,
      body: JSON.stringify({ 0: { json: { question: 'How do I start faster?' } } }),
    });
    expect(batched.status).toBe(415);

    // The free month holds one ask and the minute one: both are still there.
    const ask = await t.app.request('/trpc/coaching.ask', { method: 'POST', headers, body });
    expect(ask.status).toBe(200);
    expect(ask.headers.get('x-monthly-usage')).toBe('1');
  });

  it('lets the service key act for an athlete', async () => {
    const response = await t.app.request('/trpc/athletes.create', {
      method: 'POST',
      headers: { 'X-API-Key': t.internalApiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { id: 'svc-created', name: 'From TrackLit' } }),
    });
    expect(response.status).toBe(200);
  });

  it('answers a 5xx problem with its own status: NOT_CONFIGURED is 503, not 500', async () => {
    const token = await t.tokenFor('unbilled-athlete');
    const response = await t.app.request('/trpc/billing.checkout', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { tier: 'pro' } }),
    });
    expect(response.status).toBe(503);
    const { data } = ((await response.json()) as TrpcError).error.json;
    expect(data).toMatchObject({ code: 'NOT_CONFIGURED', status: 503 });
    // In a batch where another call succeeds, the answer stays 207 (multi-status).
    const mixed = await t.app.request('/trpc/billing.checkout,athletes.update?batch=1', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ 0: { json: { tier: 'pro' } }, 1: { json: { name: 'Unbilled' } } }),
    });
    expect(mixed.status).toBe(207);
  });
});

describe('tRPC batches', () => {
  /** The test app with its real authenticator, counting how often it is asked. */
  function countingApp() {
    const counted = { authentications: 0 };
    const authenticator: Authenticator = {
      authenticate: (credentials) => {
        counted.authentications += 1;
        return t.deps.authenticator.authenticate(credentials);
      },
    };
    const app = createApp({
      deps: { ...t.deps, authenticator },
      logger: createLogger({ logLevel: 'silent' }),
      lifecycle: t.lifecycle,
    });
    return { app, counted };
  }
  const batchPath = (procedure: string, calls: number) =>
    `/trpc/${Array(calls).fill(procedure).join(',')}?batch=1`;
  type BatchItem = { error?: { json: { data: Record<string, unknown> } }; result?: unknown };

  it('refuses a batch over the limit before any call runs', async () => {
    const { app, counted } = countingApp();
    for (const [procedure, calls] of [
      ['athletes.get', 1_200],
      ['health', 1_200],
      ['athletes.get', 11],
    ] as const) {
      const response = await app.request(batchPath(procedure, calls), {
        headers: { Authorization: 'Bearer not.a.jwt' },
      });
      expect(response.status).toBe(400);
      const { data } = ((await response.json()) as TrpcError).error.json;
      expect(data).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    }
    expect(counted.authentications).toBe(0);
  });

  it('authenticates a batch once and refuses every call with the same 401', async () => {
    const { app, counted } = countingApp();
    const unknownKey = `aria_sk_${'1'.repeat(40)}`;
    const response = await app.request(batchPath('athletes.get', 10), {
      headers: { 'X-API-Key': unknownKey },
    });
    expect(response.status).toBe(401);
    const items = (await response.json()) as BatchItem[];
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(item.error?.json.data).toMatchObject({
        code: 'UNAUTHORIZED',
        reason: 'api_key_invalid',
      });
    }
    expect(counted.authentications).toBe(1);
  });

  it('answers an anonymous batch without authenticating per call', async () => {
    const { app, counted } = countingApp();
    const response = await app.request(batchPath('athletes.get', 10));
    const items = (await response.json()) as BatchItem[];
    expect(items.map((item) => item.error?.json.data.reason)).toEqual(
      Array(10).fill('credentials_missing'),
    );
    expect(counted.authentications).toBe(1);
  });

  it('serves an authenticated batch with one authentication', async () => {
    const { app, counted } = countingApp();
    const response = await app.request(batchPath('athletes.get', 3), {
      headers: { Authorization: `Bearer ${await t.tokenFor('batch-athlete')}` },
    });
    expect(response.status).toBe(200);
    const items = (await response.json()) as BatchItem[];
    expect(items.every((item) => item.result !== undefined)).toBe(true);
    expect(counted.authentications).toBe(1);
  });
});
