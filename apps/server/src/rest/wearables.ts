import {
  type ApiDeps,
  connectWearableSchema,
  dailyMetricsQuerySchema,
  readinessQuerySchema,
  recordMetricsSchema,
} from '@aria/api';
import { createRoute } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import {
  authedProblems,
  authenticated,
  createRestApp,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemSchema,
} from './openapi.js';
import { dailyMetricsSchema, readinessSchema, wearableConnectSchema } from './wearables-views.js';

const tags = ['Wearables'];
const forAthlete =
  'Acts for the caller; a coach (read only), admin or the service names `athleteId`.';
const notConfigured = {
  description: 'Terra is not configured on this server (`NOT_CONFIGURED`).',
  content: { 'application/problem+json': { schema: problemSchema } },
};

const connect = createRoute({
  method: 'post',
  path: '/wearables/connect',
  operationId: 'wearables.connect',
  summary: 'A Terra widget URL where the athlete links a wearable',
  description: `${forAthlete} Needs TERRA_DEV_ID and TERRA_API_KEY on the server.`,
  tags,
  security: authenticated,
  request: { body: jsonBody(connectWearableSchema.meta({ id: 'WearableConnectInput' })) },
  responses: {
    200: jsonOk(wearableConnectSchema, 'The widget session.'),
    ...authedProblems,
    503: notConfigured,
  },
});

const recordMetrics = createRoute({
  method: 'post',
  path: '/wearables/metrics',
  operationId: 'wearables.recordMetrics',
  summary: 'Record a day of recovery metrics by hand',
  description: `${forAthlete} Fields given replace the day’s manual values; others stay.`,
  tags,
  security: authenticated,
  request: { body: jsonBody(recordMetricsSchema.meta({ id: 'DailyMetricsInput' })) },
  responses: { 200: jsonOk(dailyMetricsSchema, 'The day, all sources merged.'), ...authedProblems },
});

const daily = createRoute({
  method: 'get',
  path: '/wearables/daily',
  operationId: 'wearables.daily',
  summary: 'One day of recovery metrics, all sources merged',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { query: dailyMetricsQuerySchema },
  responses: { 200: jsonOk(dailyMetricsSchema, 'The day.'), ...authedProblems },
});

const readiness = createRoute({
  method: 'get',
  path: '/wearables/readiness',
  operationId: 'wearables.readiness',
  summary: 'Training readiness 0–100, its band, recommendation and each factor’s contribution',
  description: `${forAthlete} Metered as "training readiness". With under 7 days of metrics the original Aria rule scores it, and says so.`,
  tags,
  security: authenticated,
  request: { query: readinessQuerySchema.unwrap() },
  responses: {
    200: jsonOk(readinessSchema, 'The readiness.'),
    ...authedProblems,
    402: problemAnswer(402),
  },
});

export function wearablesRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(connect, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.wearables.connect(input)), 200);
    })
    .openapi(recordMetrics, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.wearables.recordMetrics(input)), 200);
    })
    .openapi(daily, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.wearables.daily(query)), 200);
    })
    .openapi(readiness, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.wearables.readiness(query)), 200);
    });
}
