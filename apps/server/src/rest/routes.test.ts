import { loadConfig } from '@aria/config';
import { markOutboxEventFailed, recordOutboxEvent } from '@aria/db';
import { openEmbeddedTestDatabase } from '@aria/db/testing';
import { startChatCompletionsServer } from '@aria/integrations/ai-testing';
import { startFakeStripe, startFakeTerra } from '@aria/integrations/testing';
import { silentLogger, startJobs } from '@aria/jobs';
import type { z } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import {
  asService,
  asUser,
  athleteOnTier,
  type CallerHeaders,
  createArticle,
  createAthlete,
  putOnTier,
  rest,
} from '../testing/rest.js';
import { deliverStripeEvent } from '../testing/stripe.js';
import * as adminViews from './admin-views.js';
import { analysisSchema } from './analyses.js';
import * as billingViews from './billing-views.js';
import * as coachingViews from './coaching-views.js';
import * as plansViews from './plans-views.js';
import * as trainingViews from './training-views.js';
import * as views from './views.js';
import * as wearablesViews from './wearables-views.js';

// Walks every operation of the served OpenAPI document and calls it for real: each answers
// its documented success status with a body that fits its documented schema.

interface Scenario {
  /** The concrete path (parameters filled in) and query. */
  readonly url: string;
  readonly headers: CallerHeaders;
  readonly body?: unknown;
  /** A multipart body instead of JSON. */
  readonly form?: FormData;
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

/** A tiny PNG (signature only) as a multipart upload, with the question. */
function imageForm(): FormData {
  const form = new FormData();
  form.set('question', 'How is my block position?');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  form.set('image', new Blob([png], { type: 'image/png' }), 'start.png');
  return form;
}

/** A tiny PNG as the upload of a background analysis. */
function analysisForm(): FormData {
  const form = new FormData();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  form.set('media', new Blob([png], { type: 'image/png' }), 'stride.png');
  return form;
}

/** A pro subscription, as Checkout and Stripe's webhooks make it. */
async function subscribe(t: TestApp, athleteId: string): Promise<void> {
  const response = await rest(t, 'post', '/v1/billing/checkout', {
    headers: await asUser(t, athleteId),
    body: { tier: 'pro' },
  });
  expect(response.status).toBe(201);
  const { sessionId } = (await response.json()) as { sessionId: string };
  const done = stripe.completeCheckout(sessionId);
  await deliverStripeEvent(t, stripe, done.checkoutCompleted);
}

/** Today (UTC) and a date some days away, as the server's real clock sees them. */
const isoDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** An athlete on the star tier (unlimited plans and readiness), provisioned by its first call. */
async function starAthlete(t: TestApp, id: string): Promise<CallerHeaders> {
  const headers = await asUser(t, id);
  expect((await rest(t, 'get', '/v1/athletes/me', { headers })).status).toBe(200);
  await putOnTier(t, id, 'star');
  return headers;
}

const planRequest = {
  event: '200m',
  experienceLevel: 'advanced',
  daysPerWeek: 4,
  competitionDate: isoDay(70),
  personalBest: 21.4,
};

async function generatePlan(t: TestApp, athleteId: string): Promise<string> {
  const response = await rest(t, 'post', '/v1/plans', {
    headers: await starAthlete(t, athleteId),
    body: planRequest,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function recordMetrics(t: TestApp, athleteId: string, date: string): Promise<void> {
  const response = await rest(t, 'post', '/v1/wearables/metrics', {
    headers: await asUser(t, athleteId),
    body: { date, sleepHours: 7.8, restingHr: 52, hrvRmssd: 74, recoveryScore: 70 },
  });
  expect(response.status).toBe(200);
}

const asOperator = (t: TestApp) => asUser(t, 'walk-operator', 'admin');

async function parkedEventId(t: TestApp): Promise<string> {
  const row = await recordOutboxEvent(t.deps.db, {
    type: 'insight.created',
    athleteId: 'walk-parked',
    data: { conversationId: 'c', messageId: 'm' },
  });
  await markOutboxEventFailed(t.deps.db, row.id, {
    error: 'receiver answered 500',
    retryInMs: 0,
    park: true,
  });
  return row.eventId;
}

const scenarios: Record<string, ScenarioBuilder> = {
  'admin.parkedEvents': async (t) => {
    await parkedEventId(t);
    return { url: '/v1/admin/events/parked?limit=10', headers: await asOperator(t) };
  },
  'admin.replayEvent': async (t) => ({
    url: `/v1/admin/events/${await parkedEventId(t)}/replay`,
    headers: await asOperator(t),
  }),
  'admin.jobs': async (t) => ({ url: '/v1/admin/jobs', headers: await asOperator(t) }),
  'admin.replayDeadJob': async (t) => {
    // A job that used up its attempts, as pg-boss files it: a row in the `.dead` queue.
    const pglite = t.deps.database.pglite;
    if (!pglite) throw new Error('this scenario runs on the embedded database');
    const dead = await pglite.query<{ id: string }>(
      `INSERT INTO pgboss.job (name, data) VALUES ('tracklit.deliver-events.dead', '{"athleteId":"walk-dead"}') RETURNING id`,
    );
    return {
      url: `/v1/admin/jobs/dead/${dead.rows[0]?.id}/replay`,
      headers: await asOperator(t),
    };
  },
  'admin.parkedWebhooks': async (t) => ({
    url: '/v1/admin/webhooks/parked',
    headers: await asOperator(t),
  }),
  'admin.resetRateLimits': async (t) => ({
    url: '/v1/admin/athletes/walk-ath/rate-limits/reset',
    headers: await asOperator(t),
  }),
  'admin.clearCaches': async (t) => ({
    url: '/v1/admin/caches/clear',
    headers: await asOperator(t),
  }),
  'admin.revokeToken': async (t) => ({
    url: '/v1/admin/tokens/revoke',
    headers: await asOperator(t),
    body: { userId: 'walk-revoked', jti: 'jti-walk', expiresAt: '2099-01-01T00:00:00Z' },
  }),
  'admin.revokeUserTokens': async (t) => ({
    url: '/v1/admin/users/walk-revoked-all/tokens/revoke',
    headers: await asOperator(t),
  }),
  'admin.auditLog': async (t) => ({ url: '/v1/admin/audit-log', headers: await asOperator(t) }),
  'billing.subscription': async (t) => ({
    url: '/v1/billing/subscription',
    headers: await asUser(t, 'walk-ath'),
  }),
  'billing.usage': async (t) => ({
    url: '/v1/billing/usage?athleteId=walk-ath',
    headers: asService(t),
  }),
  'billing.checkout': async (t) => ({
    url: '/v1/billing/checkout',
    headers: await asUser(t, 'walk-buyer'),
    body: { tier: 'star', returnUrl: 'https://tracklit.test/plans' },
  }),
  'billing.cancel': async (t) => {
    await subscribe(t, 'walk-cancelling');
    return { url: '/v1/billing/cancel', headers: await asUser(t, 'walk-cancelling'), body: {} };
  },
  'billing.portal': async (t) => {
    await subscribe(t, 'walk-portal');
    return { url: '/v1/billing/portal', headers: await asUser(t, 'walk-portal'), body: {} };
  },
  'billing.setTier': async (t) => {
    await createAthlete(t, 'walk-tier');
    return {
      url: '/v1/billing/tier',
      headers: asService(t),
      body: { athleteId: 'walk-tier', tier: 'star' },
    };
  },
  'coaching.ask': async (t) => ({
    url: '/v1/coaching/ask',
    headers: await asUser(t, 'walk-ask'),
    body: { question: 'How do I improve my block start?' },
  }),
  'coaching.askStream': async (t) => ({
    url: '/v1/coaching/ask/stream',
    headers: await asUser(t, 'walk-ask-stream'),
    body: { question: 'Flying sprints this week?' },
  }),
  'coaching.askMedia': async (t) => {
    const headers = await asUser(t, 'walk-ask-media');
    await rest(t, 'get', '/v1/athletes/me', { headers });
    await putOnTier(t, 'walk-ask-media', 'pro');
    return { url: '/v1/coaching/ask/media', headers, form: imageForm() };
  },
  'coaching.analyzeMedia': async (t) => ({
    url: '/v1/coaching/analyses',
    headers: await athleteOnTier(t, 'walk-analyze', 'pro'),
    form: analysisForm(),
  }),
  'coaching.getAnalysis': async (t) => {
    const headers = await athleteOnTier(t, 'walk-analysis', 'pro');
    const queued = await t.app.request('/v1/coaching/analyses', {
      method: 'POST',
      headers,
      body: analysisForm(),
    });
    expect(queued.status).toBe(202);
    return { url: queued.headers.get('location') ?? '', headers };
  },
  'coaching.conversations': async (t) => {
    const headers = await asUser(t, 'walk-conversations');
    await rest(t, 'post', '/v1/coaching/ask', { headers, body: { question: 'Taper?' } });
    return { url: '/v1/coaching/conversations?limit=5&offset=0', headers };
  },
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
  'plans.generate': async (t) => ({
    url: '/v1/plans',
    headers: await starAthlete(t, 'walk-planner'),
    body: planRequest,
  }),
  'plans.list': async (t) => {
    await generatePlan(t, 'walk-planner');
    return { url: '/v1/plans?limit=5&offset=0', headers: await asUser(t, 'walk-planner') };
  },
  'plans.get': async (t) => ({
    url: `/v1/plans/${await generatePlan(t, 'walk-planner')}`,
    headers: await asUser(t, 'walk-planner'),
  }),
  'plans.today': async (t) => {
    const id = await generatePlan(t, 'walk-planner');
    await recordMetrics(t, 'walk-planner', isoDay());
    return {
      url: `/v1/plans/${id}/today?date=${isoDay()}`,
      headers: await asUser(t, 'walk-planner'),
    };
  },
  'training.logSession': async (t) => ({
    url: '/v1/training/sessions',
    headers: await asUser(t, 'walk-trainer'),
    body: {
      date: isoDay(),
      type: 'speed_endurance',
      durationMinutes: 80,
      rpe: 8,
      sprintMetres: 450,
    },
  }),
  'training.load': async (t) => ({
    url: '/v1/training/load?days=14',
    headers: await asUser(t, 'walk-trainer'),
  }),
  'wearables.connect': async (t) => ({
    url: '/v1/wearables/connect',
    headers: await asUser(t, 'walk-wearer'),
    body: { providers: ['OURA'], successRedirectUrl: 'https://tracklit.app/wearables/linked' },
  }),
  'wearables.recordMetrics': async (t) => ({
    url: '/v1/wearables/metrics',
    headers: await asUser(t, 'walk-wearer'),
    body: { date: isoDay(-1), sleepHours: 8, sleepEfficiencyPercent: 92, restingHr: 50 },
  }),
  'wearables.daily': async (t) => {
    await recordMetrics(t, 'walk-wearer', isoDay(-2));
    return {
      url: `/v1/wearables/daily?date=${isoDay(-2)}`,
      headers: await asUser(t, 'walk-wearer'),
    };
  },
  'wearables.readiness': async (t) => {
    const headers = await starAthlete(t, 'walk-ready');
    await recordMetrics(t, 'walk-ready', isoDay());
    return { url: `/v1/wearables/readiness?date=${isoDay()}`, headers };
  },
};

/** The response schemas by their component name in the document. */
const componentSchemas = new Map<string, z.ZodType>([
  ['AdminParkedEvents', adminViews.parkedEventsSchema],
  ['AdminReplayed', adminViews.replayedSchema],
  ['AdminJobs', adminViews.jobsSchema],
  ['AdminParkedWebhooks', adminViews.parkedWebhooksSchema],
  ['AdminDone', adminViews.adminDoneSchema],
  ['AdminAuditLog', adminViews.auditLogSchema],
  ['Tiers', views.tiersSchema],
  ['Subscription', billingViews.subscriptionSchema],
  ['BillingUsage', billingViews.billingUsageSchema],
  ['CheckoutSession', billingViews.checkoutSessionSchema],
  ['PortalSession', billingViews.portalSessionSchema],
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
  ['CoachingAnswer', coachingViews.coachingAnswerSchema],
  ['Conversations', coachingViews.conversationListSchema],
  ['Analysis', analysisSchema],
  ['Plan', plansViews.planSchema],
  ['PlanPage', plansViews.planPageSchema],
  ['PlanToday', plansViews.planTodaySchema],
  ['TrainingSession', trainingViews.trainingSessionSchema],
  ['TrainingLoad', trainingViews.trainingLoadSchema],
  ['WearableConnect', wearablesViews.wearableConnectSchema],
  ['DailyMetrics', wearablesViews.dailyMetricsSchema],
  ['Readiness', wearablesViews.readinessSchema],
]);

interface DocumentResponse {
  readonly content?: Record<string, { readonly schema?: { readonly $ref?: string } }>;
}
interface DocumentOperation {
  readonly operationId: string;
  readonly responses: Record<string, DocumentResponse>;
}

// Coaching runs on the real OpenAI SDK against a local Chat Completions server (askMedia
// needs a vision-capable provider).
const chat = await startChatCompletionsServer();
// Billing runs on the real Stripe SDK against a local fake of the Stripe API.
const stripe = await startFakeStripe();
// Wearables connect through a local stand-in for Terra's REST API.
const terraCredentials = { devId: 'walk-terra-dev', apiKey: 'walk-terra-key' };
const terra = await startFakeTerra(terraCredentials);
// The operator tools read the job engine of the app's own database.
const database = await openEmbeddedTestDatabase();
const jobs = await startJobs({
  config: loadConfig({ NODE_ENV: 'test' }),
  database,
  logger: silentLogger,
  runWorkers: false,
});
const t = await createTestApp(
  {
    OPENAI_API_KEY: chat.apiKey,
    OPENAI_BASE_URL: chat.baseUrl,
    ...stripe.env,
    TERRA_DEV_ID: terraCredentials.devId,
    TERRA_API_KEY: terraCredentials.apiKey,
    TERRA_API_URL: terra.url,
  },
  { stripe: { endpoint: stripe.endpoint }, database, jobs: jobs.engine },
);
afterAll(async () => {
  await Promise.all([t.deps.close(), chat.close(), stripe.close(), terra.close()]);
  await jobs.stop(2_000);
  await database.close();
});

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
      if (operation.responses[String(status)]?.content?.['text/event-stream']) {
        const response = await rest(t, method, scenario.url, scenario);
        expect(response.status).toBe(status);
        const last = (await response.text()).trim().split('\n\n').at(-1) ?? '';
        expect(last).toMatch(/^event: answer$/m);
        const answer: unknown = JSON.parse(last.match(/^data: (.*)$/m)?.[1] ?? 'null');
        expect(coachingViews.coachingAnswerSchema.parse(answer)).toEqual(answer);
        return;
      }
      const documented = operation.responses[String(status)]?.content?.['application/json'];
      const ref = documented?.schema?.$ref ?? '';
      const schema = componentSchemas.get(ref.replace('#/components/schemas/', ''));
      if (!schema) throw new Error(`no response schema for ${operation.operationId}: ${ref}`);

      const response = scenario.form
        ? await t.app.request(scenario.url, {
            method: 'POST',
            headers: scenario.headers,
            body: scenario.form,
          })
        : await rest(t, method, scenario.url, scenario);
      const body: unknown = await response.json();
      expect({ status: response.status, body }).toMatchObject({ status });
      expect(response.headers.get('content-type')).toContain('application/json');
      // Parsing strips what the schema does not name, so equality also rules out extra fields.
      expect(schema.parse(body)).toEqual(body);
    },
  );
});
