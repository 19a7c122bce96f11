import { type ApiDeps, logSessionSchema, trainingLoadQuerySchema } from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import { authedProblems, authenticated, createRestApp, jsonBody, jsonOk } from './openapi.js';
import { queryNumber } from './query-number.js';
import { trainingLoadSchema, trainingSessionSchema } from './training-views.js';

const tags = ['Training'];
const forAthlete =
  'Acts for the caller; a coach (read only), admin or the service names `athleteId`.';

const loadShape = trainingLoadQuerySchema.unwrap().shape;
const loadQuery = z.object({
  athleteId: loadShape.athleteId,
  date: loadShape.date,
  days: queryNumber(loadShape.days),
});

const logSession = createRoute({
  method: 'post',
  path: '/training/sessions',
  operationId: 'training.logSession',
  summary: 'Log a training session (session RPE × minutes is its load)',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { body: jsonBody(logSessionSchema.meta({ id: 'TrainingSessionInput' })) },
  responses: { 201: jsonOk(trainingSessionSchema, 'The logged session.'), ...authedProblems },
});

const getLoad = createRoute({
  method: 'get',
  path: '/training/load',
  operationId: 'training.load',
  summary: 'Daily load, ACWR (rolling and EWMA) and fitness, fatigue and form',
  description: `${forAthlete} ACWR ratios and zones appear once 28 days of data exist.`,
  tags,
  security: authenticated,
  request: { query: loadQuery },
  responses: { 200: jsonOk(trainingLoadSchema, 'The training load.'), ...authedProblems },
});

export function trainingRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(logSession, async (c) => {
      const input = c.req.valid('json');
      const session = await callProcedure(c, deps, (api) => api.training.logSession(input));
      return c.json(session, 201);
    })
    .openapi(getLoad, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.training.load(query)), 200);
    });
}
