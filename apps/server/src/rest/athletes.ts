import {
  type ApiDeps,
  athleteProfileChangesSchema,
  createAthleteSchema,
  moodReportSchema as moodReportInputSchema,
  userIdSchema,
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
import {
  athleteErasedSchema,
  athleteExportSchema,
  athleteSchema,
  moodReportSchema,
} from './views.js';

const tags = ['Athletes'];

/** `me` names the caller's own athlete (the procedures' "no athleteId"). */
export const selfAlias = 'me';

export function targetAthlete(id: string): string | undefined {
  return id === selfAlias ? undefined : id;
}

const athleteParams = z.object({
  id: userIdSchema.meta({
    description:
      'The athlete (its TrackLit user id), or `me` for the caller itself. Athletes act for ' +
      'themselves, coaches read linked athletes, service and admin act for any athlete.',
    example: selfAlias,
  }),
});

const createAthlete = createRoute({
  method: 'post',
  path: '/athletes',
  operationId: 'athletes.create',
  summary: 'Create an athlete (service or admin)',
  tags,
  security: authenticated,
  request: { body: jsonBody(createAthleteSchema.meta({ id: 'AthleteCreate' })) },
  responses: {
    201: jsonOk(athleteSchema, 'The athlete, created on the free tier.'),
    ...authedProblems,
    409: problemAnswer(409),
  },
});

const getAthlete = createRoute({
  method: 'get',
  path: '/athletes/{id}',
  operationId: 'athletes.get',
  summary: 'Read an athlete',
  tags,
  security: authenticated,
  request: { params: athleteParams },
  responses: { 200: jsonOk(athleteSchema, 'The athlete.'), ...authedProblems },
});

const updateAthlete = createRoute({
  method: 'patch',
  path: '/athletes/{id}',
  operationId: 'athletes.update',
  summary: 'Change fields of an athlete profile',
  tags,
  security: authenticated,
  request: {
    params: athleteParams,
    body: jsonBody(athleteProfileChangesSchema.meta({ id: 'AthleteChanges' })),
  },
  responses: { 200: jsonOk(athleteSchema, 'The changed athlete.'), ...authedProblems },
});

const deleteAthlete = createRoute({
  method: 'delete',
  path: '/athletes/{id}',
  operationId: 'athletes.delete',
  summary: 'Erase an athlete and everything stored about it',
  description:
    'Keeps only the usage ledger (counts keyed by the TrackLit user id), so the quota is not ' +
    'reset. A Stripe subscription still billing the athlete is cancelled first; 409 when ' +
    'this server cannot cancel it (no Stripe settings).',
  tags,
  security: authenticated,
  request: { params: athleteParams },
  responses: {
    200: jsonOk(athleteErasedSchema, 'The erasure.'),
    ...authedProblems,
    409: problemAnswer(409),
  },
});

const exportAthlete = createRoute({
  method: 'get',
  path: '/athletes/{id}/export',
  operationId: 'athletes.export',
  summary: 'Export every record stored about an athlete',
  tags,
  security: authenticated,
  request: { params: athleteParams },
  responses: { 200: jsonOk(athleteExportSchema, 'The data export.'), ...authedProblems },
});

const reportMood = createRoute({
  method: 'post',
  path: '/athletes/{id}/mood',
  operationId: 'athletes.reportMood',
  summary: "Report an athlete's mood",
  tags,
  security: authenticated,
  request: {
    params: athleteParams,
    body: jsonBody(moodReportInputSchema.omit({ athleteId: true }).meta({ id: 'MoodReportInput' })),
  },
  responses: { 201: jsonOk(moodReportSchema, 'The stored report.'), ...authedProblems },
});

export function athletesRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(createAthlete, async (c) => {
      const input = c.req.valid('json');
      const athlete = await callProcedure(c, deps, (api) => api.athletes.create(input));
      return c.json(athlete, 201);
    })
    .openapi(getAthlete, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').id);
      return c.json(await callProcedure(c, deps, (api) => api.athletes.get({ athleteId })), 200);
    })
    .openapi(updateAthlete, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').id);
      const changes = c.req.valid('json');
      const athlete = await callProcedure(c, deps, (api) =>
        api.athletes.update({ ...changes, athleteId }),
      );
      return c.json(athlete, 200);
    })
    .openapi(deleteAthlete, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').id);
      return c.json(await callProcedure(c, deps, (api) => api.athletes.delete({ athleteId })), 200);
    })
    .openapi(exportAthlete, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').id);
      return c.json(await callProcedure(c, deps, (api) => api.athletes.export({ athleteId })), 200);
    })
    .openapi(reportMood, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').id);
      const report = c.req.valid('json');
      const stored = await callProcedure(c, deps, (api) =>
        api.athletes.reportMood({ ...report, athleteId }),
      );
      return c.json(stored, 201);
    });
}
