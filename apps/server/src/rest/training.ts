import { logSessionSchema, trainingLoadQuerySchema } from '@aria/api';
import { z } from '@hono/zod-openapi';
import { actsForAthlete, authedProblems, jsonBody, jsonOk } from './openapi.js';
import { queryNumber } from './query-number.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { trainingLoadSchema, trainingSessionSchema } from './training-views.js';

const route = restRoutesTagged('Training');
const loadShape = trainingLoadQuerySchema.unwrap().shape;
const loadQuery = z.object({
  athleteId: loadShape.athleteId,
  date: loadShape.date,
  days: queryNumber(loadShape.days),
});

export const trainingRoutes: RestRoute[] = [
  route(
    {
      method: 'post',
      path: '/training/sessions',
      operationId: 'training.logSession',
      summary: 'Log a training session (session RPE × minutes is its load)',
      description: actsForAthlete,
      request: { body: jsonBody(logSessionSchema.meta({ id: 'TrainingSessionInput' })) },
      responses: { 201: jsonOk(trainingSessionSchema, 'The logged session.'), ...authedProblems },
    },
    { procedure: (api) => api.training.logSession, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'get',
      path: '/training/load',
      operationId: 'training.load',
      summary: 'Daily load, ACWR (rolling and EWMA) and fitness, fatigue and form',
      description: `${actsForAthlete} ACWR ratios and zones appear once 28 days of data exist.`,
      request: { query: loadQuery },
      responses: { 200: jsonOk(trainingLoadSchema, 'The training load.'), ...authedProblems },
    },
    { procedure: (api) => api.training.load, input: (req) => req.valid('query') },
  ),
];
