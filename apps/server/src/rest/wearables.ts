import {
  connectWearableSchema,
  dailyMetricsQuerySchema,
  readinessQuerySchema,
  recordMetricsSchema,
} from '@aria/api';
import {
  actsForAthlete,
  authedProblems,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemWhen,
} from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { dailyMetricsSchema, readinessSchema, wearableConnectSchema } from './wearables-views.js';

const route = restRoutesTagged('Wearables');

export const wearablesRoutes: RestRoute[] = [
  route(
    {
      method: 'post',
      path: '/wearables/connect',
      operationId: 'wearables.connect',
      summary: 'A Terra widget URL where the athlete links a wearable',
      description: `${actsForAthlete} Needs TERRA_DEV_ID and TERRA_API_KEY on the server.`,
      request: { body: jsonBody(connectWearableSchema.meta({ id: 'WearableConnectInput' })) },
      responses: {
        200: jsonOk(wearableConnectSchema, 'The widget session.'),
        ...authedProblems,
        503: problemWhen('Terra is not configured on this server (`NOT_CONFIGURED`).'),
      },
    },
    { procedure: (api) => api.wearables.connect, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'post',
      path: '/wearables/metrics',
      operationId: 'wearables.recordMetrics',
      summary: 'Record a day of recovery metrics by hand',
      description: `${actsForAthlete} Fields given replace the day’s manual values; others stay.`,
      request: { body: jsonBody(recordMetricsSchema.meta({ id: 'DailyMetricsInput' })) },
      responses: {
        200: jsonOk(dailyMetricsSchema, 'The day, all sources merged.'),
        ...authedProblems,
      },
    },
    {
      procedure: (api) => api.wearables.recordMetrics,
      input: (req) => req.valid('json'),
    },
  ),
  route(
    {
      method: 'get',
      path: '/wearables/daily',
      operationId: 'wearables.daily',
      summary: 'One day of recovery metrics, all sources merged',
      description: actsForAthlete,
      request: { query: dailyMetricsQuerySchema },
      responses: { 200: jsonOk(dailyMetricsSchema, 'The day.'), ...authedProblems },
    },
    { procedure: (api) => api.wearables.daily, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'get',
      path: '/wearables/readiness',
      operationId: 'wearables.readiness',
      summary: 'Training readiness 0–100, its band, recommendation and each factor’s contribution',
      description: `${actsForAthlete} Metered as "training readiness". With under 7 days of metrics the original Aria rule scores it, and says so.`,
      request: { query: readinessQuerySchema.unwrap() },
      responses: {
        200: jsonOk(readinessSchema, 'The readiness.'),
        ...authedProblems,
        402: problemAnswer(402),
      },
    },
    {
      procedure: (api) => api.wearables.readiness,
      input: (req) => req.valid('query'),
    },
  ),
];
