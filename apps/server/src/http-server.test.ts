import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from './http-server.js';
import { createTestApp, type TestApp } from './test-support.js';

let t: TestApp;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close(1_000);
  await t.deps.close();
});

describe('requests Node refuses before any route', () => {
  it('answers headers over the limit with a 431 problem', async () => {
    const response = await fetch(`${base}/health/live`, {
      headers: { 'X-Padding': 'a'.repeat(20_000) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
      status: 431,
      type: 'urn:aria:problem:headers-too-large',
      detail: expect.any(String),
      requestId: response.headers.get('x-request-id'),
    });
  });
});
