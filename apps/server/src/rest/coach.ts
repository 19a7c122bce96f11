import { linkCoachSchema, listCoachLinksSchema, unlinkCoachSchema, userIdSchema } from '@aria/api';
import { z } from '@hono/zod-openapi';
import { selfAlias, targetAthlete } from './athletes.js';
import { authedProblems, jsonBody, jsonOk } from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { coachLinkSchema, coachLinksSchema, coachUnlinkedSchema } from './views.js';

const route = restRoutesTagged('Coach');

export const coachRoutes: RestRoute[] = [
  route(
    {
      method: 'get',
      path: '/coach/athletes',
      operationId: 'coach.list',
      summary: "A coach's athletes, or an athlete's coaches",
      description:
        'Coaches list their athletes and athletes their coaches; service and admin name a ' +
        '`coachId` or an `athleteId`.',
      request: { query: listCoachLinksSchema.unwrap() },
      responses: { 200: jsonOk(coachLinksSchema, 'The links.'), ...authedProblems },
    },
    { procedure: (api) => api.coach.list, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'post',
      path: '/coach/athletes',
      operationId: 'coach.link',
      summary: 'Grant a coach read access to an athlete',
      description:
        'An athlete grants it with `{ coachId }`; service or admin with `{ coachId, athleteId }`. ' +
        'A coach cannot link itself.',
      request: { body: jsonBody(linkCoachSchema.meta({ id: 'CoachLinkInput' })) },
      responses: { 201: jsonOk(coachLinkSchema, 'The link.'), ...authedProblems },
    },
    { procedure: (api) => api.coach.link, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'delete',
      path: '/coach/athletes/{athleteId}',
      operationId: 'coach.unlink',
      summary: 'End a coach–athlete link',
      description:
        'A coach removes itself from an athlete; an athlete (`me` or its own id) or service and ' +
        'admin name the coach with `?coachId=`.',
      request: {
        params: z.object({
          athleteId: userIdSchema.meta({
            description: `The athlete, or \`${selfAlias}\` for the calling athlete.`,
          }),
        }),
        query: unlinkCoachSchema.pick({ coachId: true }),
      },
      responses: { 200: jsonOk(coachUnlinkedSchema, 'The link is gone.'), ...authedProblems },
    },
    {
      procedure: (api) => api.coach.unlink,
      input: (req) => ({
        coachId: req.valid('query').coachId,
        athleteId: targetAthlete(req.valid('param').athleteId),
      }),
    },
  ),
];
