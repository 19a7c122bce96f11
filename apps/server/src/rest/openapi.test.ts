import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRouter } from '@aria/api';
import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsContentSecurityPolicy } from '../routes/docs.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { expectSelfContainedDocs } from '../testing/docs-page.js';
import { expectJson } from '../testing/rest.js';

/** The REST surface partners rely on, with the procedure behind each route. */
const contractRoutes = [
  ['get', '/v1/tiers', 'billing.tiers'],
  ['get', '/v1/billing/subscription', 'billing.subscription'],
  ['get', '/v1/billing/usage', 'billing.usage'],
  ['post', '/v1/billing/checkout', 'billing.checkout'],
  ['post', '/v1/billing/cancel', 'billing.cancel'],
  ['post', '/v1/billing/portal', 'billing.portal'],
  ['put', '/v1/billing/tier', 'billing.setTier'],
  ['post', '/v1/athletes', 'athletes.create'],
  ['get', '/v1/athletes/{id}', 'athletes.get'],
  ['patch', '/v1/athletes/{id}', 'athletes.update'],
  ['delete', '/v1/athletes/{id}', 'athletes.delete'],
  ['get', '/v1/athletes/{id}/export', 'athletes.export'],
  ['post', '/v1/athletes/{id}/mood', 'athletes.reportMood'],
  ['get', '/v1/coach/athletes', 'coach.list'],
  ['post', '/v1/coach/athletes', 'coach.link'],
  ['delete', '/v1/coach/athletes/{athleteId}', 'coach.unlink'],
  ['get', '/v1/knowledge', 'knowledge.list'],
  ['get', '/v1/knowledge/{id}', 'knowledge.get'],
  ['post', '/v1/knowledge', 'knowledge.create'],
  ['put', '/v1/knowledge/{id}', 'knowledge.update'],
  ['delete', '/v1/knowledge/{id}', 'knowledge.delete'],
  ['get', '/v1/api-keys', 'apiKeys.list'],
  ['post', '/v1/api-keys', 'apiKeys.create'],
  ['delete', '/v1/api-keys/{id}', 'apiKeys.revoke'],
  ['post', '/v1/coaching/ask', 'coaching.ask'],
  ['post', '/v1/coaching/ask/stream', 'coaching.askStream'],
  ['post', '/v1/coaching/ask/media', 'coaching.askMedia'],
  ['get', '/v1/coaching/conversations', 'coaching.conversations'],
  ['post', '/v1/coaching/analyses', 'coaching.analyzeMedia'],
  ['get', '/v1/coaching/analyses/{id}', 'coaching.getAnalysis'],
  ['post', '/v1/plans', 'plans.generate'],
  ['get', '/v1/plans', 'plans.list'],
  ['get', '/v1/plans/{id}', 'plans.get'],
  ['get', '/v1/plans/{id}/today', 'plans.today'],
  ['post', '/v1/training/sessions', 'training.logSession'],
  ['get', '/v1/training/load', 'training.load'],
  ['post', '/v1/wearables/connect', 'wearables.connect'],
  ['post', '/v1/wearables/metrics', 'wearables.recordMetrics'],
  ['get', '/v1/wearables/daily', 'wearables.daily'],
  ['get', '/v1/wearables/readiness', 'wearables.readiness'],
  // Operator tools (admin role).
  ['get', '/v1/admin/events/parked', 'admin.parkedEvents'],
  ['post', '/v1/admin/events/{eventId}/replay', 'admin.replayEvent'],
  ['get', '/v1/admin/jobs', 'admin.jobs'],
  ['post', '/v1/admin/jobs/dead/{id}/replay', 'admin.replayDeadJob'],
  ['get', '/v1/admin/webhooks/parked', 'admin.parkedWebhooks'],
  ['post', '/v1/admin/athletes/{athleteId}/rate-limits/reset', 'admin.resetRateLimits'],
  ['post', '/v1/admin/caches/clear', 'admin.clearCaches'],
  ['post', '/v1/admin/tokens/revoke', 'admin.revokeToken'],
  ['post', '/v1/admin/users/{userId}/tokens/revoke', 'admin.revokeUserTokens'],
  ['get', '/v1/admin/audit-log', 'admin.auditLog'],
] as const;

/**
 * Procedures whose REST routes wait on @aria/api: the api-keys router keeps its input schemas
 * private, and the REST adapter reuses input schemas rather than redefining them.
 */
/** Whether the router has the procedure (some land later than others). */
function routerHas(procedurePath: string): boolean {
  return Object.hasOwn(appRouter._def.procedures, procedurePath);
}

interface Operation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly Record<string, readonly string[]>[];
}
interface OpenApiDocument {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly securitySchemes: Record<string, Record<string, unknown>> };
}

let t: TestApp;
let text: string;
let document: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.request('/openapi.json');
  text = await response.clone().text();
  document = (await expectJson(response, 200)) as OpenApiDocument;
});
afterAll(() => t.deps.close());

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const dir = await mkdtemp(join(tmpdir(), 'aria-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, text);
      const result = await validate(file);
      expect(result.valid ? [] : result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists every contract route whose procedure exists, under its stable operationId', () => {
    const expected = contractRoutes.filter(([, , procedure]) => routerHas(procedure));
    expect(expected.length).toBeGreaterThanOrEqual(18);
    for (const [method, path, operationId] of expected) {
      expect(document.paths[path]?.[method]?.operationId, `${method} ${path}`).toBe(operationId);
    }
  });

  it('documents nothing beyond the contract', () => {
    const listed = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    const contract = contractRoutes.map(([method, path]) => `${method} ${path}`);
    expect(listed.filter((route) => !contract.includes(route))).toEqual([]);
  });

  it('describes both ways to authenticate and asks for one on every private route', () => {
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKeyAuth: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item)) {
        const expected = path === '/v1/tiers' ? [] : [{ bearerAuth: [] }, { apiKeyAuth: [] }];
        expect(operation.security, path).toEqual(expected);
        expect(operation.tags?.length, path).toBe(1);
      }
    }
  });

  it('is public and the same document on every call', async () => {
    const again = await t.app.request('/openapi.json');
    expect(await again.text()).toBe(text);
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI from Aria itself, each file with its integrity hash', async () => {
    const { html, csp } = await expectSelfContainedDocs((path) => t.app.request(path));
    expect(html).toContain('Aria API reference');
    expect(html).not.toMatch(/https?:\/\//);
    expect(csp).toBe(docsContentSecurityPolicy);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    const init = html.match(/src="([^"]+init\.js)"/)?.[1] ?? '';
    expect(await (await t.app.request(init)).text()).toContain('url: "/openapi.json"');
  });

  it('lets browsers cache the files for good, since their path changes with their bytes', async () => {
    const html = await (await t.app.request('/docs')).text();
    const bundle = html.match(/src="([^"]+swagger-ui-bundle\.js)"/)?.[1] ?? '';
    const response = await t.app.request(bundle);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect((await t.app.request('/docs/000000000000/swagger-ui-bundle.js')).status).toBe(404);
  });
});
