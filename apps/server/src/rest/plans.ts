import {
  type ApiDeps,
  generatePlanSchema,
  planIdSchema,
  planListSchema,
  planTodaySchema as planTodayInputSchema,
} from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import {
  authedProblems,
  authenticated,
  createRestApp,
  jsonBody,
  jsonOk,
  problemAnswer,
} from './openapi.js';
import { planPageSchema, planSchema, planTodaySchema } from './plans-views.js';
import { queryNumber } from './query-number.js';

const tags = ['Plans'];
const forAthlete =
  'Acts for the caller; a coach (read only), admin or the service names `athleteId`.';

const planParams = z.object({ id: planIdSchema.shape.id });
const athleteQuery = z.object({ athleteId: planIdSchema.shape.athleteId });
const listShape = planListSchema.unwrap().shape;
const listQuery = z.object({
  athleteId: listShape.athleteId,
  limit: queryNumber(listShape.limit),
  offset: queryNumber(listShape.offset),
});
const todayQuery = athleteQuery.extend({ date: planTodayInputSchema.shape.date });

const generate = createRoute({
  method: 'post',
  path: '/plans',
  operationId: 'plans.generate',
  summary: 'Generate a periodized sprint plan (60/100/200/400 m) up to a competition',
  description: `${forAthlete} Metered as "generate plan". Deterministic: the same input gives the same plan.`,
  tags,
  security: authenticated,
  request: { body: jsonBody(generatePlanSchema.meta({ id: 'PlanInput' })) },
  responses: {
    201: jsonOk(planSchema, 'The stored plan.'),
    ...authedProblems,
    402: problemAnswer(402),
  },
});

const list = createRoute({
  method: 'get',
  path: '/plans',
  operationId: 'plans.list',
  summary: 'The athlete’s plans, newest first',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { query: listQuery },
  responses: { 200: jsonOk(planPageSchema, 'A page of plans.'), ...authedProblems },
});

const get = createRoute({
  method: 'get',
  path: '/plans/{id}',
  operationId: 'plans.get',
  summary: 'Read a plan',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { params: planParams, query: athleteQuery },
  responses: { 200: jsonOk(planSchema, 'The plan.'), ...authedProblems },
});

const today = createRoute({
  method: 'get',
  path: '/plans/{id}/today',
  operationId: 'plans.today',
  summary: 'Today’s session, adapted to readiness and the ACWR, with the reasons',
  description: `${forAthlete} A high day becomes a low one when readiness is low, HRV is below baseline or the ACWR is in the danger zone.`,
  tags,
  security: authenticated,
  request: { params: planParams, query: todayQuery },
  responses: { 200: jsonOk(planTodaySchema, 'The session of the day.'), ...authedProblems },
});

export function plansRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(generate, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.plans.generate(input)), 201);
    })
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.plans.list(query)), 200);
    })
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const { athleteId } = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.plans.get({ id, athleteId })), 200);
    })
    .openapi(today, async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.plans.today({ id, ...query })), 200);
    });
}
