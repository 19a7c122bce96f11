import {
  type ApiDeps,
  linkCoachSchema,
  listCoachLinksSchema,
  unlinkCoachSchema,
  userIdSchema,
} from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import { selfAlias, targetAthlete } from './athletes.js';
import { callProcedure } from './call.js';
import { authedProblems, authenticated, createRestApp, jsonBody, jsonOk } from './openapi.js';
import { coachLinkSchema, coachLinksSchema, coachUnlinkedSchema } from './views.js';

const tags = ['Coach'];

const listLinks = createRoute({
  method: 'get',
  path: '/coach/athletes',
  operationId: 'coach.list',
  summary: "A coach's athletes, or an athlete's coaches",
  description:
    'Coaches list their athletes and athletes their coaches; service and admin name a ' +
    '`coachId` or an `athleteId`.',
  tags,
  security: authenticated,
  request: { query: listCoachLinksSchema.unwrap() },
  responses: { 200: jsonOk(coachLinksSchema, 'The links.'), ...authedProblems },
});

const linkCoach = createRoute({
  method: 'post',
  path: '/coach/athletes',
  operationId: 'coach.link',
  summary: 'Grant a coach read access to an athlete',
  description:
    'An athlete grants it with `{ coachId }`; service or admin with `{ coachId, athleteId }`. ' +
    'A coach cannot link itself.',
  tags,
  security: authenticated,
  request: { body: jsonBody(linkCoachSchema.meta({ id: 'CoachLinkInput' })) },
  responses: { 201: jsonOk(coachLinkSchema, 'The link.'), ...authedProblems },
});

const unlinkCoach = createRoute({
  method: 'delete',
  path: '/coach/athletes/{athleteId}',
  operationId: 'coach.unlink',
  summary: 'End a coach–athlete link',
  description:
    'A coach removes itself from an athlete; an athlete (`me` or its own id) or service and ' +
    'admin name the coach with `?coachId=`.',
  tags,
  security: authenticated,
  request: {
    params: z.object({
      athleteId: userIdSchema.meta({
        description: `The athlete, or \`${selfAlias}\` for the calling athlete.`,
      }),
    }),
    query: unlinkCoachSchema.pick({ coachId: true }),
  },
  responses: { 200: jsonOk(coachUnlinkedSchema, 'The link is gone.'), ...authedProblems },
});

export function coachRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(listLinks, async (c) => {
      const filter = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.coach.list(filter)), 200);
    })
    .openapi(linkCoach, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.coach.link(input)), 201);
    })
    .openapi(unlinkCoach, async (c) => {
      const athleteId = targetAthlete(c.req.valid('param').athleteId);
      const { coachId } = c.req.valid('query');
      const unlinked = await callProcedure(c, deps, (api) =>
        api.coach.unlink({ coachId, athleteId }),
      );
      return c.json(unlinked, 200);
    });
}
