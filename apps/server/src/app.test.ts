import type { AppRouter } from '@aria/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { validator } from 'hono/validator';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: 'https://tracklit.app', REQUEST_TIMEOUT_MS: '200' });
  // Never answers by itself: only the request timeout can end it.
  t.app.get('/test/slow', () => new Promise<Response>(() => {}));
  t.app.get('/test/crash', () => {
    throw new Error('secret connection string postgres://admin:hunter2@db');
  });
  // Routes read JSON through Hono's validator, as the REST adapter does.
  t.app.post(
    '/test/echo',
    validator('json', (value) => value),
    (c) => c.json(c.req.valid('json')),
  );
});
afterAll(() => t.deps.close());

const problemKeys = ['code', 'detail', 'requestId', 'status', 'title', 'type'];

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(
    Object.keys(body)
      .filter((key) => key !== 'issues')
      .sort(),
  ).toEqual(problemKeys);
  expect(body).toMatchObject({ status, code, requestId: response.headers.get('x-request-id') });
  return body;
}

describe('health', () => {
  it('answers liveness and start-up', async () => {
    expect((await t.app.request('/health/live')).status).toBe(200);
    expect(await (await t.app.request('/health/startup')).json()).toEqual({ status: 'ok' });
  });

  it('reports ready with each check in embedded mode', async () => {
    const response = await t.app.request('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'ok' }, redis: { status: 'ok' } },
    });
  });
});

describe('tRPC', () => {
  const client = () =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: 'http://aria.test/trpc',
          transformer: superjson,
          fetch: async (url, init) => t.app.request(String(url), init as RequestInit),
        }),
      ],
    });

  it('serves the health query end to end with superjson', async () => {
    const result = await client().health.query();
    expect(result.status).toBe('ok');
    expect(result.time).toBeInstanceOf(Date);
  });

  it('answers an unknown procedure with the contract shape in error.data', async () => {
    const response = await t.app.request('/trpc/nope');
    expect(response.status).toBe(404);
    // superjson wraps the error envelope in `json`; the typed client unwraps it.
    const body = (await response.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(Object.keys(body.error.json.data).sort()).toEqual(problemKeys);
  });
});

describe('errors', () => {
  it('answers unknown routes with NOT_FOUND', async () => {
    await expectProblem(await t.app.request('/nowhere'), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with BAD_REQUEST', async () => {
    const response = await t.app.request('/test/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"broken":',
    });
    await expectProblem(response, 400, 'BAD_REQUEST');
  });

  it('hides the message of an unexpected error', async () => {
    const response = await t.app.request('/test/crash');
    const body = await expectProblem(response, 500, 'INTERNAL');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('refuses a body over 1 MB', async () => {
    const response = await t.app.request('/test/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024) }),
    });
    await expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts a body just under 1 MB', async () => {
    const body = JSON.stringify({ padding: 'x'.repeat(1024 * 1024 - 100) });
    const response = await t.app.request('/test/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
  });

  it('times out a slow request', async () => {
    await expectProblem(await t.app.request('/test/slow'), 504, 'TIMEOUT');
  });
});

describe('request id', () => {
  it('accepts a well-formed incoming X-Request-Id', async () => {
    const response = await t.app.request('/nowhere', { headers: { 'X-Request-Id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).toBe('abc-123');
    expect(((await response.json()) as { requestId: string }).requestId).toBe('abc-123');
  });

  it('replaces an unsafe one', async () => {
    const response = await t.app.request('/health/live', {
      headers: { 'X-Request-Id': 'bad id; with <script>' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CORS and security headers', () => {
  it('allows a listed origin with credentials', async () => {
    const response = await t.app.request('/health/live', {
      headers: { Origin: 'https://tracklit.app' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://tracklit.app');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives an unlisted origin no CORS grant', async () => {
    const response = await t.app.request('/health/live', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight from a listed origin', async () => {
    const response = await t.app.request('/trpc/health', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://tracklit.app',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('sets secure headers', async () => {
    const response = await t.app.request('/health/live');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('request log', () => {
  it('writes one JSON line per request without credentials', async () => {
    const before = t.logs.lines.length;
    await t.app.request('/health/live?x=1', {
      headers: { Authorization: 'Bearer very-secret-token', 'X-Request-Id': 'log-check-1' },
    });
    const lines = t.logs.lines.slice(before).filter((line) => line.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: 'log-check-1',
      method: 'GET',
      route: '/health/live',
      path: '/health/live',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(t.logs.lines)).not.toContain('very-secret-token');
  });
});
