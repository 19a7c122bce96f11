import { askSchema, conversationListSchema as conversationQuery, requireCaller } from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import { requestIdentity } from '../request-identity.js';
import { callProcedure } from './call.js';
import { readMediaForm } from './coaching-media.js';
import { sendAnswerEvents } from './coaching-stream.js';
import { coachingAnswerSchema, conversationListSchema, mediaFormSchema } from './coaching-views.js';
import {
  authedProblems,
  authenticated,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemWhen,
  rateLimitHeaders,
} from './openapi.js';
import { pagedQuery } from './query-number.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';

const tag = 'Coaching';
const route = restRoutesTagged(tag);
const askProblems = {
  ...authedProblems,
  402: problemAnswer(402),
  503: problemWhen('No AI provider can answer now (`AI_UNAVAILABLE`).'),
};
const askBody = jsonBody(askSchema.meta({ id: 'AskInput' }));

// Two routes answer otherwise than with a procedure's JSON, so they are written by hand.

const askStream = createRoute({
  method: 'post',
  path: '/coaching/ask/stream',
  operationId: 'coaching.askStream',
  summary: 'Ask the coach, answered as server-sent events',
  description:
    'Events: `delta` (`{ field: "analysis" | "recommendation", text }`, a preview), then ' +
    '`answer` (a CoachingAnswer, authoritative), or `error` (a Problem) if it fails after ' +
    'streaming has begun. Failures before the stream starts are ordinary problem answers.',
  tags: [tag],
  security: authenticated,
  request: { body: askBody },
  responses: {
    200: {
      description: 'The answer as `text/event-stream`.',
      headers: rateLimitHeaders,
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...askProblems,
  },
});

/** An answer as server-sent events; a cancelled stream also stops the procedure's work. */
const askStreamRoute: RestRoute = {
  register: (app, deps) =>
    app.openapi(askStream, async (c) => {
      const input = c.req.valid('json');
      const controller = new AbortController();
      const events = await callProcedure(
        c,
        deps,
        (api) => api.coaching.askStream(input),
        controller.signal,
      );
      return sendAnswerEvents(c, events, controller);
    }),
};

const askMedia = createRoute({
  method: 'post',
  path: '/coaching/ask/media',
  operationId: 'coaching.askMedia',
  summary: 'Ask the coach about an image (JPEG, PNG or WebP, at most 10 MB)',
  description: 'Needs a vision-capable AI provider; otherwise `AI_UNAVAILABLE` (503).',
  tags: [tag],
  security: authenticated,
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: mediaFormSchema } } },
  },
  responses: {
    200: jsonOk(coachingAnswerSchema, 'The answer.'),
    ...askProblems,
    413: problemWhen('The image is larger than 10 MB (`PAYLOAD_TOO_LARGE`).'),
    415: problemWhen('The image is not a JPEG, PNG or WebP (`UNSUPPORTED_MEDIA_TYPE`).'),
  },
});

/** A multipart upload, read only once the caller is known. */
const askMediaRoute: RestRoute = {
  register: (app, deps) =>
    app.openapi(askMedia, async (c) => {
      // An upload of up to 14 MB is read and encoded only for a caller we know.
      await requireCaller(requestIdentity(c, deps));
      const input = await readMediaForm(c);
      return c.json(await callProcedure(c, deps, (api) => api.coaching.askMedia(input)), 200);
    }),
};

export const coachingRoutes: RestRoute[] = [
  route(
    {
      method: 'post',
      path: '/coaching/ask',
      operationId: 'coaching.ask',
      summary: 'Ask the coach (stores the question and answer in a conversation)',
      request: { body: askBody },
      responses: { 200: jsonOk(coachingAnswerSchema, 'The answer.'), ...askProblems },
    },
    { procedure: (api) => api.coaching.ask, input: (req) => req.valid('json') },
  ),
  askStreamRoute,
  askMediaRoute,
  route(
    {
      method: 'get',
      path: '/coaching/conversations',
      operationId: 'coaching.conversations',
      summary: 'Past conversations with their messages, most recently active first',
      request: { query: pagedQuery(conversationQuery.unwrap().shape) },
      responses: { 200: jsonOk(conversationListSchema, 'The conversations.'), ...authedProblems },
    },
    {
      procedure: (api) => api.coaching.conversations,
      input: (req) => req.valid('query'),
    },
  ),
];
