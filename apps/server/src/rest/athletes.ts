import {
  athleteProfileChangesSchema,
  createAthleteSchema,
  moodReportSchema as moodReportInputSchema,
  userIdSchema,
} from '@aria/api';
import { z } from '@hono/zod-openapi';
import { authedProblems, jsonBody, jsonOk, problemAnswer } from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import {
  athleteErasedSchema,
  athleteExportSchema,
  athleteSchema,
  moodReportSchema,
} from './views.js';

const route = restRoutesTagged('Athletes');

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

const ofAthlete = (request: { valid(target: 'param'): { id: string } }) => ({
  athleteId: targetAthlete(request.valid('param').id),
});

export const athletesRoutes: RestRoute[] = [
  route(
    {
      method: 'post',
      path: '/athletes',
      operationId: 'athletes.create',
      summary: 'Create an athlete (service or admin)',
      request: { body: jsonBody(createAthleteSchema.meta({ id: 'AthleteCreate' })) },
      responses: {
        201: jsonOk(athleteSchema, 'The athlete, created on the free tier.'),
        ...authedProblems,
        409: problemAnswer(409),
      },
    },
    { procedure: (api) => api.athletes.create, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'get',
      path: '/athletes/{id}',
      operationId: 'athletes.get',
      summary: 'Read an athlete',
      request: { params: athleteParams },
      responses: { 200: jsonOk(athleteSchema, 'The athlete.'), ...authedProblems },
    },
    { procedure: (api) => api.athletes.get, input: ofAthlete },
  ),
  route(
    {
      method: 'patch',
      path: '/athletes/{id}',
      operationId: 'athletes.update',
      summary: 'Change fields of an athlete profile',
      request: {
        params: athleteParams,
        body: jsonBody(athleteProfileChangesSchema.meta({ id: 'AthleteChanges' })),
      },
      responses: { 200: jsonOk(athleteSchema, 'The changed athlete.'), ...authedProblems },
    },
    {
      procedure: (api) => api.athletes.update,
      input: (req) => ({ ...req.valid('json'), ...ofAthlete(req) }),
    },
  ),
  route(
    {
      method: 'delete',
      path: '/athletes/{id}',
      operationId: 'athletes.delete',
      summary: 'Erase an athlete and everything stored about it',
      description:
        'Keeps only the usage ledger (counts keyed by the TrackLit user id), so the quota is not ' +
        'reset. A Stripe subscription still billing the athlete is cancelled first; 409 when ' +
        'this server cannot cancel it (no Stripe settings).',
      request: { params: athleteParams },
      responses: {
        200: jsonOk(athleteErasedSchema, 'The erasure.'),
        ...authedProblems,
        409: problemAnswer(409),
      },
    },
    { procedure: (api) => api.athletes.delete, input: ofAthlete },
  ),
  route(
    {
      method: 'get',
      path: '/athletes/{id}/export',
      operationId: 'athletes.export',
      summary: 'Export every record stored about an athlete',
      request: { params: athleteParams },
      responses: { 200: jsonOk(athleteExportSchema, 'The data export.'), ...authedProblems },
    },
    { procedure: (api) => api.athletes.export, input: ofAthlete },
  ),
  route(
    {
      method: 'post',
      path: '/athletes/{id}/mood',
      operationId: 'athletes.reportMood',
      summary: "Report an athlete's mood",
      request: {
        params: athleteParams,
        body: jsonBody(
          moodReportInputSchema.omit({ athleteId: true }).meta({ id: 'MoodReportInput' }),
        ),
      },
      responses: { 201: jsonOk(moodReportSchema, 'The stored report.'), ...authedProblems },
    },
    {
      procedure: (api) => api.athletes.reportMood,
      input: (req) => ({ ...req.valid('json'), ...ofAthlete(req) }),
    },
  ),
];
