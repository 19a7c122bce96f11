import {
  generatePlanSchema,
  planIdSchema,
  planListSchema,
  planTodaySchema as planTodayInputSchema,
} from '@aria/api';
import { z } from '@hono/zod-openapi';
import { actsForAthlete, authedProblems, jsonBody, jsonOk, problemAnswer } from './openapi.js';
import { planPageSchema, planSchema, planTodaySchema } from './plans-views.js';
import { pagedQuery } from './query-number.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';

const route = restRoutesTagged('Plans');
const planParams = z.object({ id: planIdSchema.shape.id });
const athleteQuery = z.object({ athleteId: planIdSchema.shape.athleteId });
const todayQuery = athleteQuery.extend({ date: planTodayInputSchema.shape.date });

export const plansRoutes: RestRoute[] = [
  route(
    {
      method: 'post',
      path: '/plans',
      operationId: 'plans.generate',
      summary: 'Generate a periodized sprint plan (60/100/200/400 m) up to a competition',
      description: `${actsForAthlete} Metered as "generate plan". Deterministic: the same input gives the same plan.`,
      request: { body: jsonBody(generatePlanSchema.meta({ id: 'PlanInput' })) },
      responses: {
        201: jsonOk(planSchema, 'The stored plan.'),
        ...authedProblems,
        402: problemAnswer(402),
      },
    },
    { procedure: (api) => api.plans.generate, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'get',
      path: '/plans',
      operationId: 'plans.list',
      summary: 'The athlete’s plans, newest first',
      description: actsForAthlete,
      request: { query: pagedQuery(planListSchema.unwrap().shape) },
      responses: { 200: jsonOk(planPageSchema, 'A page of plans.'), ...authedProblems },
    },
    { procedure: (api) => api.plans.list, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'get',
      path: '/plans/{id}',
      operationId: 'plans.get',
      summary: 'Read a plan',
      description: actsForAthlete,
      request: { params: planParams, query: athleteQuery },
      responses: { 200: jsonOk(planSchema, 'The plan.'), ...authedProblems },
    },
    {
      procedure: (api) => api.plans.get,
      input: (req) => ({ id: req.valid('param').id, athleteId: req.valid('query').athleteId }),
    },
  ),
  route(
    {
      method: 'get',
      path: '/plans/{id}/today',
      operationId: 'plans.today',
      summary: 'Today’s session, adapted to readiness and the ACWR, with the reasons',
      description: `${actsForAthlete} A high day becomes a low one when readiness is low, HRV is below baseline or the ACWR is in the danger zone.`,
      request: { params: planParams, query: todayQuery },
      responses: { 200: jsonOk(planTodaySchema, 'The session of the day.'), ...authedProblems },
    },
    {
      procedure: (api) => api.plans.today,
      input: (req) => ({ id: req.valid('param').id, ...req.valid('query') }),
    },
  ),
];
