import type { z } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support.js';
import {
  asService,
  asUser,
  type CallerHeaders,
  createArticle,
  createAthlete,
  rest,
} from './rest-test-support.js';
import * as views from './views.js';

// Walks every operation of the served OpenAPI document and calls it for real: each answers
// its documented success status with a body that fits its documented schema.

interface Scenario {
  /** The concrete path (parameters filled in) and query. */
  readonly url: string;
  readonly headers: CallerHeaders;
  readonly body?: unknown;
}

type ScenarioBuilder = (t: TestApp) => Promise<Scenario>;

async function linkCoach(t: TestApp, athleteId: string, coachId: string): Promise<void> {
  const response = await rest(t, 'post', '/v1/coach/athletes', {
    headers: await asUser(t, athleteId),
    body: { coachId },
  });
  expect(response.status).toBe(201);
}

async function issueApiKey(t: TestApp, owner: string, name: string): Promise<string> {
  const response = await rest(t, 'post', '/v1/api-keys', {
    headers: await asUser(t, owner),
    body: { name },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const scenarios: Record<string, ScenarioBuilder> = {
  'billing.tiers': async () => ({ url: '/v1/tiers', headers: {} }),
  'athletes.create': async (t) => ({
    url: '/v1/athletes',
    headers: asService(t),
    body: { id: 'walk-created', name: 'Ada Sprint', eventFocus: ['100m'], coachMode: 'strict' },
  }),
  'athletes.get': async (t) => ({ url: '/v1/athletes/me', headers: await asUser(t, 'walk-ath') }),
  'athletes.update': async (t) => ({
    url: '/v1/athletes/me',
    headers: await asUser(t, 'walk-ath'),
    body: { trainingGoal: 'Sub-11 in the 100 m', personalBests: { '100m': 11.21 } },
  }),
  'athletes.delete': async (t) => {
    await createAthlete(t, 'walk-erased');
    return { url: '/v1/athletes/walk-erased', headers: asService(t) };
  },
  'athletes.export': async (t) => ({
    url: '/v1/athletes/walk-ath/export',
    headers: await asUser(t, 'walk-ath'),
  }),
  'athletes.reportMood': async (t) => ({
    url: '/v1/athletes/me/mood',
    headers: await asUser(t, 'walk-ath'),
    body: { mood: 'motivated', energy: 8, soreness: 3, note: 'Good block starts today' },
  }),
  'coach.list': async (t) => {
    await linkCoach(t, 'walk-coached', 'walk-coach');
    return { url: '/v1/coach/athletes', headers: await asUser(t, 'walk-coach', 'coach') };
  },
  'coach.link': async (t) => ({
    url: '/v1/coach/athletes',
    headers: await asUser(t, 'walk-linking'),
    body: { coachId: 'walk-new-coach' },
  }),
  'coach.unlink': async (t) => {
    await linkCoach(t, 'walk-unlinking', 'walk-old-coach');
    return {
      url: '/v1/coach/athletes/me?coachId=walk-old-coach',
      headers: await asUser(t, 'walk-unlinking'),
    };
  },
  'knowledge.list': async (t) => {
    await createArticle(t, 'Block starts for the 60 m');
    return { url: '/v1/knowledge?q=block&limit=5&offset=0', headers: await asUser(t, 'walk-ath') };
  },
  'knowledge.get': async (t) => ({
    url: `/v1/knowledge/${await createArticle(t, 'Maximal velocity')}`,
    headers: await asUser(t, 'walk-ath'),
  }),
  'knowledge.create': async (t) => ({
    url: '/v1/knowledge',
    headers: asService(t),
    body: { title: 'Speed endurance', summary: 'Holding top speed over 150 m.', tags: ['400m'] },
  }),
  'knowledge.update': async (t) => ({
    url: `/v1/knowledge/${await createArticle(t, 'Tempo runs')}`,
    headers: asService(t),
    body: { title: 'Tempo runs, revised', summary: 'Aerobic base for sprinters.', tags: [] },
  }),
  'knowledge.delete': async (t) => ({
    url: `/v1/knowledge/${await createArticle(t, 'Outdated drills')}`,
    headers: asService(t),
  }),
  'apiKeys.create': async (t) => ({
    url: '/v1/api-keys',
    headers: await asUser(t, 'walk-keys'),
    body: {
      name: 'TrackLit sync',
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  }),
  'apiKeys.list': async (t) => {
    await issueApiKey(t, 'walk-keys', 'Listed key');
    return { url: '/v1/api-keys', headers: await asUser(t, 'walk-keys') };
  },
  'apiKeys.revoke': async (t) => ({
    url: `/v1/api-keys/${await issueApiKey(t, 'walk-keys', 'Revoked key')}`,
    headers: await asUser(t, 'walk-keys'),
  }),
};

/** The response schemas by their component name in the document. */
const componentSchemas = new Map<string, z.ZodType>([
  ['Tiers', views.tiersSchema],
  ['Athlete', views.athleteSchema],
  ['AthleteErased', views.athleteErasedSchema],
  ['AthleteExport', views.athleteExportSchema],
  ['MoodReport', views.moodReportSchema],
  ['CoachLink', views.coachLinkSchema],
  ['CoachLinks', views.coachLinksSchema],
  ['CoachUnlinked', views.coachUnlinkedSchema],
  ['KnowledgeArticle', views.knowledgeArticleSchema],
  ['KnowledgePage', views.knowledgePageSchema],
  ['KnowledgeDeleted', views.knowledgeDeletedSchema],
  ['ApiKey', views.apiKeySchema],
  ['ApiKeys', views.apiKeyListSchema],
  ['IssuedApiKey', views.issuedApiKeySchema],
]);

interface DocumentResponse {
  readonly content?: Record<string, { readonly schema?: { readonly $ref?: string } }>;
}
interface DocumentOperation {
  readonly operationId: string;
  readonly responses: Record<string, DocumentResponse>;
}

const t = await createTestApp();
afterAll(() => t.deps.close());

const document = (await (await t.app.request('/openapi.json')).json()) as {
  paths: Record<string, Record<string, DocumentOperation>>;
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
);

/** `/v1/athletes/{id}` → a pattern the concrete URL's path must match. */
function templatePattern(path: string): RegExp {
  return new RegExp(`^${path.replaceAll(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`);
}

describe('every documented route', () => {
  it('has a scenario here', () => {
    const missing = operations.map(({ operation }) => operation.operationId);
    expect(missing.filter((id) => !(id in scenarios))).toEqual([]);
    expect(operations.length).toBeGreaterThanOrEqual(15);
  });

  it.each(operations)(
    '$method $path answers as documented',
    async ({ method, path, operation }) => {
      const build = scenarios[operation.operationId];
      if (!build) throw new Error(`no scenario for ${operation.operationId}`);
      const scenario = await build(t);
      expect(scenario.url).toMatch(templatePattern(path));

      const successes = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect(successes).toHaveLength(1);
      const status = Number(successes[0]);
      const documented = operation.responses[String(status)]?.content?.['application/json'];
      const ref = documented?.schema?.$ref ?? '';
      const schema = componentSchemas.get(ref.replace('#/components/schemas/', ''));
      if (!schema) throw new Error(`no response schema for ${operation.operationId}: ${ref}`);

      const response = await rest(t, method, scenario.url, scenario);
      const body: unknown = await response.json();
      expect({ status: response.status, body }).toMatchObject({ status });
      expect(response.headers.get('content-type')).toContain('application/json');
      // Parsing strips what the schema does not name, so equality also rules out extra fields.
      expect(schema.parse(body)).toEqual(body);
    },
  );
});
