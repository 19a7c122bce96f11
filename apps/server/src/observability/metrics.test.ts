import { refusedUrl } from '@aria/integrations/tracklit-testing';
import { createMetrics, metricNames } from '@aria/metrics';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { problemResponse } from '../http-errors.js';
import { createLifecycle } from '../lifecycle.js';
import { createLogger } from '../logger.js';
import { requestEnvelope } from '../middleware/request-envelope.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { sampleSum } from '../testing/metrics.js';

async function scrape(t: TestApp, headers: Record<string, string> = {}) {
  const response = await t.app.request('/metrics', { headers });
  return { status: response.status, text: await response.text(), response };
}

describe('GET /metrics', () => {
  let dev: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
    prod = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await dev.deps.close();
    await prod.deps.close();
  });

  it('is open outside production and speaks the Prometheus text format', async () => {
    await dev.app.request('/health/live');
    const { status, text, response } = await scrape(dev);
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(
      sampleSum(text, metricNames.httpRequests, { route: '/health/live', status: '200' }),
    ).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('needs INTERNAL_API_KEY in production, as X-API-Key or Bearer', async () => {
    const refused = await scrape(prod);
    expect(refused.status).toBe(401);
    expect(refused.response.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(refused.text).not.toContain('aria_http');

    expect((await scrape(prod, { 'X-API-Key': 'aria_sk_not-the-internal-key' })).status).toBe(401);
    expect((await scrape(prod, { 'X-API-Key': prod.internalApiKey })).status).toBe(200);
    const bearer = await scrape(prod, { Authorization: `Bearer ${prod.internalApiKey}` });
    expect(bearer.status).toBe(200);
    expect(bearer.text).toContain(metricNames.httpRequests);
  });

  it('times AI answers and counts their tokens by provider', async () => {
    const token = await dev.tokenFor('metrics-asker');
    const asked = await dev.app.request('/v1/coaching/ask', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'How do I improve my block start?' }),
    });
    expect(asked.status).toBe(200);
    const { usage } = (await asked.json()) as { usage: { promptTokens: number } };
    expect(usage.promptTokens).toBeGreaterThan(0);
    const { text } = await scrape(dev);
    expect(
      sampleSum(text, `${metricNames.aiRequestDuration}_count`, {
        provider: 'builtin',
        mode: 'answer',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(sampleSum(text, metricNames.aiTokens, { provider: 'builtin', kind: 'prompt' })).toBe(
      usage.promptTokens,
    );
  });

  it('labels routes by template: tRPC procedures, batches, unknown names, unmatched paths', async () => {
    await dev.app.request('/trpc/health');
    await dev.app.request('/trpc/health,billing.tiers?batch=1&input={}');
    await dev.app.request('/trpc/no.such.procedure');
    await dev.app.request('/v1/athletes/someone');
    await dev.app.request('/definitely/not/here');
    const { text } = await scrape(dev);
    const count = (route: string) => sampleSum(text, metricNames.httpRequests, { route });
    expect(count('/trpc/health')).toBe(1);
    expect(count('/trpc/(batch)')).toBe(1);
    expect(count('/trpc/(unknown)')).toBe(1);
    expect(count('/v1/athletes/:id')).toBe(1);
    expect(count('(unmatched)')).toBe(1);
    expect(text).not.toContain('someone');
    expect(text).not.toContain('no.such.procedure');
  });
});

describe('a question without the TrackLit context', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRACKLIT_API_URL: await refusedUrl() });
  });
  afterAll(() => t.deps.close());

  it('is answered, logged with its request id and counted by reason', async () => {
    const token = await t.tokenFor('metrics-tracklit-down');
    const asked = await t.app.request('/trpc/coaching.askEnhanced', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { question: 'How do I improve my block start?' } }),
    });
    expect(asked.status).toBe(200);
    const requestId = asked.headers.get('x-request-id');
    expect(t.logs.lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'TrackLit context skipped: going on without it',
        reason: 'unreachable',
        athleteId: 'metrics-tracklit-down',
        requestId,
      }),
    );
    const { text } = await scrape(t);
    expect(sampleSum(text, metricNames.trackLitContextSkipped, { reason: 'unreachable' })).toBe(1);
    expect(sampleSum(text, metricNames.trackLitContextSkipped, { reason: 'timeout' })).toBe(0);
  });
});

describe('metering denials', () => {
  const metrics = createMetrics();
  const app = new Hono<AppEnv>()
    .use(
      requestEnvelope({
        lifecycle: createLifecycle(),
        logger: createLogger({ logLevel: 'silent' }),
        metrics,
        trpcEndpoint: '/trpc',
        corsOrigins: [],
        analysisMaxBytes: 1024,
        requestTimeoutMs: 5_000,
      }),
    )
    .get('/quota', (c) => problemResponse(c, 'QUOTA_EXCEEDED', 'Monthly ask quota used.'))
    .get('/rate', (c) => problemResponse(c, 'RATE_LIMITED', 'Slow down.'))
    .get('/trpc/*', (c) =>
      // The shape tRPC answers for a batch with two refused members (superjson envelope).
      c.json(
        [
          { error: { json: { code: -32029, data: { code: 'RATE_LIMITED', status: 429 } } } },
          { result: { data: { json: { ok: true } } } },
          { error: { json: { code: -32001, data: { code: 'QUOTA_EXCEEDED', status: 402 } } } },
        ],
        207,
      ),
    )
    .get('/stream', (c) =>
      c.body('{"code":"RATE_LIMITED"}\n', 429, { 'Content-Type': 'application/jsonl' }),
    );

  const denials = async (code: string, route?: string) =>
    sampleSum(await metrics.render(), metricNames.meteringDenials, {
      code,
      ...(route ? { route } : {}),
    });

  it('counts QUOTA_EXCEEDED and RATE_LIMITED problems by route', async () => {
    expect((await app.request('/quota')).status).toBe(402);
    expect((await app.request('/rate')).status).toBe(429);
    expect(await denials('QUOTA_EXCEEDED', '/quota')).toBe(1);
    expect(await denials('RATE_LIMITED', '/rate')).toBe(1);
  });

  it('counts each refused member of a tRPC batch, and a streamed refusal once by status', async () => {
    const batch = await app.request('/trpc/a.b,c.d,e.f?batch=1');
    expect(batch.status).toBe(207);
    expect(await batch.json()).toHaveLength(3); // the body still reaches the client
    expect(await denials('RATE_LIMITED', '/trpc/(batch)')).toBe(1);
    expect(await denials('QUOTA_EXCEEDED', '/trpc/(batch)')).toBe(1);

    await app.request('/stream');
    expect(await denials('RATE_LIMITED', '/stream')).toBe(1);
  });

  it('leaves other statuses alone', async () => {
    const before = await denials('RATE_LIMITED');
    await app.request('/nowhere');
    expect(await denials('RATE_LIMITED')).toBe(before);
  });
});
