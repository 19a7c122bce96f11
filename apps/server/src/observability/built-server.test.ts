import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServices } from '@aria/config/testing';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import { startUpstashBridge, type UpstashBridge } from '@aria/integrations/testing';
import { metricNames } from '@aria/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, imageNodeOptions } from '../../build.js';
import { signDevelopmentToken } from '../dev/development-access.js';
import { killStartedChildren, startChild } from '../testing/child-process.js';
import { expectSelfContainedDocs } from '../testing/docs-page.js';
import { exposedNames, sampleSum } from '../testing/metrics.js';
import { type ReceivedSpan, startOtlpReceiver } from '../testing/otlp-receiver.js';

/**
 * The server as the image runs it: `node dist/migrate.js` (the migration job), then
 * `node dist/main.js` in production mode, from a directory outside the repository so no
 * node_modules can be reached — the bundle must carry everything, PGlite's files included.
 */

const jwtSecret = 'built-server-test-jwt-secret-of-32-bytes-or-more';
const internalApiKey = 'built-server-test-internal-api-key-0123456789';
let imageRoot = '';

const runNode = (script: string, env: Record<string, string>) =>
  startChild(process.execPath, [...imageNodeOptions, script], { cwd: imageRoot, env });

beforeAll(async () => {
  imageRoot = await mkdtemp(join(tmpdir(), 'aria-image-'));
  // Minified, as the Dockerfile builds it.
  await buildServer({ outdir: join(imageRoot, 'dist'), minify: true });
}, 60_000);

afterAll(async () => {
  killStartedChildren();
  if (imageRoot) await rm(imageRoot, { recursive: true, force: true });
});

/**
 * Real traffic: a tRPC procedure, REST calls until the free tier's rate refuses, the knowledge
 * cache, and one coaching answer.
 */
async function sendTraffic(baseUrl: string) {
  // Fresh per run: a real Redis keeps rate counters and provisioning marks between runs.
  const athleteId = `built-${randomUUID()}`;
  const token = await signDevelopmentToken(
    jwtSecret,
    { jwtSecret, jwksUrl: undefined, issuer: undefined, audience: undefined, internalApiKey },
    { sub: athleteId, role: 'athlete' },
  );
  const asAthlete = { Authorization: `Bearer ${token}` };
  const asService = { 'X-API-Key': internalApiKey };

  const procedure = await fetch(`${baseUrl}/trpc/athletes.get`, { headers: asAthlete });
  expect(procedure.status).toBe(200);
  const tooLarge = await fetch(`${baseUrl}/v1/coaching/ask`, {
    method: 'POST',
    headers: { ...asAthlete, 'Content-Type': 'application/json' },
    body: JSON.stringify({ question: 'x'.repeat(2 * 1024 * 1024) }),
  });
  expect(tooLarge.status).toBe(413);
  await tooLarge.arrayBuffer();

  let limited: Response | undefined;
  for (let call = 0; call < 15 && !limited; call += 1) {
    const response = await fetch(`${baseUrl}/v1/athletes/${athleteId}`, { headers: asAthlete });
    if (response.status === 429) limited = response;
    else expect(response.status).toBe(200);
  }
  expect(limited?.status).toBe(429);
  expect(await limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });

  for (let call = 0; call < 2; call += 1) {
    const list = await fetch(`${baseUrl}/v1/knowledge?q=sprint`, { headers: asService });
    expect(list.status).toBe(200);
  }
  expect((await fetch(`${baseUrl}/no/such/route`)).status).toBe(404);

  // One coaching answer (built-in coach), for the AI latency and token series.
  const asker = await signDevelopmentToken(
    jwtSecret,
    { jwtSecret, jwksUrl: undefined, issuer: undefined, audience: undefined, internalApiKey },
    { sub: `asker-${randomUUID()}`, role: 'athlete' },
  );
  const asked = await fetch(`${baseUrl}/v1/coaching/ask`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${asker}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ question: 'How should I warm up for a 100 m race?' }),
  });
  expect(asked.status).toBe(200);
  return {
    athleteId,
    procedureRequestId: procedure.headers.get('x-request-id'),
    tooLargeRequestId: tooLarge.headers.get('x-request-id'),
  };
}

function spanNamed(spans: readonly ReceivedSpan[], name: string): ReceivedSpan {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span "${name}" among: ${spans.map((s) => s.name).join(', ')}`);
  return span;
}

interface Target {
  readonly label: string;
  readonly driver: 'pglite' | 'postgres';
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  return {
    label: 'embedded PGlite in a temp dir, in-process store',
    driver: 'pglite',
    env: async () => ({ ARIA_DATA_DIR: await mkdtemp(join(imageRoot, 'data-')) }),
    cleanup: async () => {},
  };
}

function realServicesTarget(databaseUrl: string, redisUrl: string): Target {
  let database: TestDatabase | undefined;
  let bridge: UpstashBridge | undefined;
  return {
    label: 'real PostgreSQL and Redis (through an Upstash-REST bridge) [postgres] [redis]',
    driver: 'postgres',
    async env() {
      database = await createTestDatabase(databaseUrl);
      bridge = await startUpstashBridge({ redisUrl });
      return {
        ARIA_DATA_DIR: join(imageRoot, 'unused'),
        DATABASE_URL: database.url,
        UPSTASH_REDIS_REST_URL: bridge.url,
        UPSTASH_REDIS_REST_TOKEN: bridge.token,
      };
    },
    async cleanup() {
      await bridge?.close();
      await database?.drop();
    },
  };
}

const services = testServices();
const realServices =
  services.databaseUrl && services.redisUrl
    ? realServicesTarget(services.databaseUrl, services.redisUrl)
    : undefined;
if (!realServices && !services.required) {
  console.warn(
    '[built server] skipping the real PostgreSQL/Redis run: TEST_DATABASE_URL or TEST_REDIS_URL unset',
  );
}

/** In CI the real-services run must not skip: without the variables it fails here. */
const missingServices: Target = {
  label: 'real PostgreSQL and Redis [postgres] [redis]',
  driver: 'postgres',
  env: () => Promise.reject(new Error('TEST_DATABASE_URL and TEST_REDIS_URL are required in CI')),
  cleanup: async () => {},
};

describe.each([
  { target: pgliteTarget(), skip: false },
  { target: realServices ?? missingServices, skip: !realServices && !services.required },
])('the built server (node dist/main.js) on $target.label', ({ target, skip }) => {
  afterAll(() => target.cleanup());

  it.skipIf(skip)(
    'runs the migration job, serves, exports metrics and traces, and exits 0 on SIGTERM',
    async () => {
      const receiver = await startOtlpReceiver();
      try {
        const targetEnv = await target.env();
        const env: Record<string, string> = {
          NODE_ENV: 'production',
          PORT: '0',
          HOST: '127.0.0.1',
          JWT_SECRET: jwtSecret,
          INTERNAL_API_KEY: internalApiKey,
          MIGRATE_ON_START: 'false',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          ARIA_VERSION: 'built-test',
          ...targetEnv,
        };

        const migration = runNode('dist/migrate.js', env);
        expect(await migration.exited, migration.output().stderr).toBe(0);
        expect(migration.output().stdout).toContain('Migrations applied');

        const server = runNode('dist/main.js', env);
        const [, port] = await server.waitFor(/"port":(\d+)/, 45_000);
        expect(server.output().stdout).toContain('migrations left to the migration job');
        const baseUrl = `http://127.0.0.1:${port}`;

        const ready = await fetch(`${baseUrl}/health/ready`);
        expect(ready.status).toBe(200);
        const traffic = await sendTraffic(baseUrl);

        const refused = await fetch(`${baseUrl}/metrics`);
        expect(refused.status).toBe(401);
        expect(await refused.json()).toMatchObject({ code: 'UNAUTHORIZED' });
        const scrape = await fetch(`${baseUrl}/metrics`, {
          headers: { Authorization: `Bearer ${internalApiKey}` },
        });
        expect(scrape.status).toBe(200);
        const text = await scrape.text();

        const names = exposedNames(text);
        for (const name of Object.values(metricNames)) expect(names).toContain(name);
        for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds']) {
          expect(names).toContain(name);
        }
        const requests = metricNames.httpRequests;
        expect(sampleSum(text, requests, { route: '/trpc/athletes.get', status: '200' })).toBe(1);
        expect(sampleSum(text, requests, { route: '/v1/athletes/:id', status: '429' })).toBe(1);
        expect(sampleSum(text, requests, { route: '(unmatched)', status: '404' })).toBe(1);
        expect(
          sampleSum(text, `${metricNames.httpRequestDuration}_count`, {
            route: '/health/ready',
          }),
        ).toBe(1);
        expect(
          sampleSum(text, metricNames.meteringDenials, {
            code: 'RATE_LIMITED',
            route: '/v1/athletes/:id',
          }),
        ).toBe(1);
        // Two identical searches: the second is a hit (a real Redis may still hold the first).
        const lookups = { cache: 'knowledge' };
        expect(sampleSum(text, metricNames.cacheLookups, lookups)).toBe(2);
        expect(
          sampleSum(text, metricNames.cacheLookups, { ...lookups, result: 'hit' }),
        ).toBeGreaterThan(0);
        const queries = `${metricNames.dbQueryDuration}_count`;
        expect(sampleSum(text, queries, { driver: target.driver, outcome: 'ok' })).toBeGreaterThan(
          3,
        );
        expect(sampleSum(text, metricNames.dbQueriesInFlight, { driver: target.driver })).toBe(0);
        expect(sampleSum(text, metricNames.buildInfo, { version: 'built-test' })).toBe(1);

        // /docs works from the bundle alone: the page and Swagger UI's files come from dist/.
        await expectSelfContainedDocs((path) => fetch(`${baseUrl}${path}`));

        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        expect(server.output().stdout).toContain('shutdown complete');

        // The exporter's last batch is flushed on shutdown, before the process exits.
        const spans = receiver.spans;
        expect(receiver.rejected).toEqual([]);
        const http = spanNamed(spans, 'GET /trpc/athletes.get');
        expect(http.kind).toBe(2);
        expect(http.attributes).toMatchObject({
          'aria.request_id': traffic.procedureRequestId,
          'enduser.id': traffic.athleteId,
        });
        // Refused before any route ran, the span still names the request.
        const refusedBody = spans.find(
          (span) => span.attributes['http.response.status_code'] === 413,
        );
        expect(refusedBody?.attributes['aria.request_id']).toBe(traffic.tooLargeRequestId);
        expect(http.resource).toMatchObject({
          'service.name': 'aria-api',
          'service.version': 'built-test',
        });
        const procedure = spanNamed(spans, 'trpc athletes.get');
        expect(procedure).toMatchObject({ traceId: http.traceId, parentSpanId: http.spanId });
        expect(procedure.attributes).toMatchObject({
          'rpc.system': 'trpc',
          'rpc.method': 'athletes.get',
        });
        const queriesOfProcedure = spans.filter(
          (span) =>
            span.parentSpanId === procedure.spanId &&
            span.kind === 3 &&
            span.attributes['db.system.name'] === 'postgresql',
        );
        expect(queriesOfProcedure.length).toBeGreaterThan(0);
        expect(queriesOfProcedure[0]?.attributes).toMatchObject({
          'aria.db.driver': target.driver,
          'db.operation.name': expect.stringMatching(/^(SELECT|INSERT|UPDATE|WITH)$/),
        });
        const limitedSpan = spans.find(
          (span) =>
            span.name === 'GET /v1/athletes/:id' &&
            span.attributes['http.response.status_code'] === 429,
        );
        expect(limitedSpan).toBeDefined();
        const search = spanNamed(spans, 'GET /v1/knowledge');
        expect(search.attributes['url.full']).toBe(`${baseUrl}/v1/knowledge`); // no query string
        if (target.driver === 'postgres') {
          // Redis over the Upstash REST protocol is an outgoing HTTP request: a client span each.
          const redisCalls = spans.filter(
            (span) =>
              span.kind === 3 &&
              span.attributes['http.request.method'] === 'POST' &&
              String(span.attributes['url.full']).startsWith(
                targetEnv.UPSTASH_REDIS_REST_URL ?? '-',
              ),
          );
          expect(redisCalls.length).toBeGreaterThan(0);
        }
      } finally {
        await receiver.close();
      }
    },
    90_000,
  );
});

describe('the bundle as the image keeps it in memory', () => {
  it('is Latin-1 text, so V8 holds its source at one byte a character', async () => {
    for (const name of ['main.js', 'worker.js']) {
      const bundle = await readFile(join(imageRoot, 'dist', name), 'utf8');
      const wide = [...bundle.matchAll(/[\u0100-\u{10ffff}].{0,40}/gsu)].map(([found]) => found);
      expect(wide, name).toEqual([]);
    }
  });

  it('maps the bundle back to the TypeScript sources without carrying them', async () => {
    const bundle = await readFile(join(imageRoot, 'dist/main.js'), 'utf8');
    const map = JSON.parse(await readFile(join(imageRoot, 'dist/main.js.map'), 'utf8'));
    // Node parses the whole map at start-up under --enable-source-maps and keeps it.
    expect(map.sourcesContent).toBeUndefined();
    const at = bundle.indexOf('migrations left to the migration job');
    expect(at).toBeGreaterThan(0);
    const lines = bundle.slice(0, at).split('\n');
    const entry = new SourceMap(map).findEntry(lines.length - 1, lines.at(-1)?.length ?? 0);
    expect(entry).toMatchObject({
      originalSource: expect.stringMatching(/apps\/server\/src\/main\.ts$/),
    });
  });
});
