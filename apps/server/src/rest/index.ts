import type { ApiDeps } from '@aria/api';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { docsRoutes } from '../routes/docs.js';
import { adminRoutes } from './admin.js';
import { analysesRoutes } from './analyses.js';
import { apiKeysRoutes } from './api-keys.js';
import { athletesRoutes } from './athletes.js';
import { billingRoutes } from './billing.js';
import { coachRoutes } from './coach.js';
import { coachingRoutes } from './coaching.js';
import { restErrorHandler } from './errors.js';
import { knowledgeRoutes } from './knowledge.js';
import { createRestApp, registerSecuritySchemes } from './openapi.js';
import { plansRoutes } from './plans.js';
import { type RestRoute, registerRestRoutes } from './route-table.js';
import { trainingRoutes } from './training.js';
import { wearablesRoutes } from './wearables.js';

export const restBasePath = '/v1';

/** Every REST route, in the order they are registered and documented. */
export const restTable: readonly RestRoute[] = [
  ...billingRoutes,
  ...athletesRoutes,
  ...coachRoutes,
  ...coachingRoutes,
  ...analysesRoutes,
  ...knowledgeRoutes,
  ...apiKeysRoutes,
  ...plansRoutes,
  ...trainingRoutes,
  ...wearablesRoutes,
  ...adminRoutes,
];

/** The partner REST adapter: `@hono/zod-openapi` routes over the tRPC procedures. */
export function restRoutes(deps: ApiDeps): OpenAPIHono<AppEnv> {
  const rest = createRestApp();
  registerSecuritySchemes(rest);
  registerRestRoutes(rest, deps, restTable);
  // Set before the app is mounted: Hono wraps the routes with it when it mounts them.
  rest.onError(restErrorHandler);
  return rest;
}

const tags = [
  { name: 'Athletes', description: 'Athlete profiles, mood reports, data export and erasure.' },
  { name: 'Coach', description: 'Coach–athlete links (read access granted by the athlete).' },
  { name: 'Coaching', description: 'Ask Aria: answers, streamed answers, images, conversations.' },
  { name: 'Knowledge', description: 'The sprint-science library the coach cites.' },
  { name: 'API keys', description: 'Aria API keys of an athlete (managed with a JWT).' },
  { name: 'Billing', description: 'Tiers, subscriptions (Stripe), checkout and usage.' },
  { name: 'Plans', description: 'Periodized sprint plans and today’s adapted session.' },
  { name: 'Training', description: 'Training log and load: session RPE, ACWR, fitness and form.' },
  { name: 'Wearables', description: 'Terra wearables, daily recovery metrics and readiness.' },
  {
    name: 'Admin',
    description: 'Operator tools (admin role): replays, resets, revocation; audited.',
  },
];

/** The OpenAPI 3.1 document of an app whose REST routes are mounted at `restBasePath`. */
export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Aria partner API',
      version: '1.0.0',
      description:
        'Plain JSON over the same procedures as the tRPC API. Every failure is ' +
        '`application/problem+json` with a stable `code`.',
    },
    tags,
  });
}

/**
 * `/v1/*` plus the public `/openapi.json` and `/docs`. The document is generated once, on the
 * first request for it; the OpenAPI tests generate it from every route, so a schema the
 * generator cannot describe fails CI, not a partner's request.
 */
export function restApi(deps: ApiDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.route(restBasePath, restRoutes(deps));
  return api.route(
    '/',
    docsRoutes(() => openApiDocument(api)),
  );
}
