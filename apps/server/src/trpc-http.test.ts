import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('lets the service key act for an athlete', async () => {
    const response = await t.app.request('/trpc/athletes.create', {
      method: 'POST',
      headers: { 'X-API-Key': t.internalApiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { id: 'svc-created', name: 'From TrackLit' } }),
    });
    expect(response.status).toBe(200);
  });
});
