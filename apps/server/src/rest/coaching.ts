import {
  type ApiDeps,
  askSchema,
  conversationListSchema as conversationQueryShape,
  imageMaxBytes,
  imageMediaTypes,
  requireCaller,
  zodIssues,
} from '@aria/api';
import { AppError } from '@aria/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestIdentity } from '../request-identity.js';
import { callProcedure } from './call.js';
import { sendAnswerEvents } from './coaching-stream.js';
import { coachingAnswerSchema, conversationListSchema, mediaFormSchema } from './coaching-views.js';
import {
  authedProblems,
  authenticated,
  createRestApp,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemSchema,
  rateLimitHeaders,
} from './openapi.js';

const tags = ['Coaching'];
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const askProblems = {
  ...authedProblems,
  402: problemAnswer(402),
  503: problem('No AI provider can answer now (`AI_UNAVAILABLE`).'),
};
const askBody = jsonBody(askSchema.meta({ id: 'AskInput' }));

const ask = createRoute({
  method: 'post',
  path: '/coaching/ask',
  operationId: 'coaching.ask',
  summary: 'Ask the coach (stores the question and answer in a conversation)',
  tags,
  security: authenticated,
  request: { body: askBody },
  responses: { 200: jsonOk(coachingAnswerSchema, 'The answer.'), ...askProblems },
});

const askStream = createRoute({
  method: 'post',
  path: '/coaching/ask/stream',
  operationId: 'coaching.askStream',
  summary: 'Ask the coach, answered as server-sent events',
  description:
    'Events: `delta` (`{ field: "analysis" | "recommendation", text }`, a preview), then ' +
    '`answer` (a CoachingAnswer, authoritative), or `error` (a Problem) if it fails after ' +
    'streaming has begun. Failures before the stream starts are ordinary problem answers.',
  tags,
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

const askMedia = createRoute({
  method: 'post',
  path: '/coaching/ask/media',
  operationId: 'coaching.askMedia',
  summary: 'Ask the coach about an image (JPEG, PNG or WebP, at most 10 MB)',
  description: 'Needs a vision-capable AI provider; otherwise `AI_UNAVAILABLE` (503).',
  tags,
  security: authenticated,
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: mediaFormSchema } } },
  },
  responses: {
    200: jsonOk(coachingAnswerSchema, 'The answer.'),
    ...askProblems,
    413: problem('The image is larger than 10 MB (`PAYLOAD_TOO_LARGE`).'),
    415: problem('The image is not a JPEG, PNG or WebP (`UNSUPPORTED_MEDIA_TYPE`).'),
  },
});

const conversationQuery = conversationQueryShape.unwrap();
const queryNumber = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), schema);

const listConversations = createRoute({
  method: 'get',
  path: '/coaching/conversations',
  operationId: 'coaching.conversations',
  summary: 'Past conversations with their messages, most recently active first',
  tags,
  security: authenticated,
  request: {
    query: z.object({
      athleteId: conversationQuery.shape.athleteId,
      limit: queryNumber(conversationQuery.shape.limit),
      offset: queryNumber(conversationQuery.shape.offset),
    }),
  },
  responses: { 200: jsonOk(conversationListSchema, 'The conversations.'), ...authedProblems },
});

const acceptedTypes: ReadonlySet<string> = new Set(imageMediaTypes);
const formText = z.string().optional();
const mediaFields = z.object({
  question: formText,
  conversationId: formText,
  athleteId: formText,
});

/** The multipart form as the askMedia input; a bad upload throws its problem. */
async function readMediaForm(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  const image = form.image;
  if (!(image instanceof File)) {
    throw new AppError('BAD_REQUEST', 'The form needs an `image` file.', {
      issues: [{ path: 'image', message: 'required' }],
    });
  }
  if (!acceptedTypes.has(image.type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image must be a JPEG, PNG or WebP.');
  }
  if (image.size > imageMaxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The image is larger than 10 MB.');
  }
  const fields = mediaFields.safeParse(form);
  const parsed = askSchema.safeParse(fields.success ? fields.data : {});
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'The input is not valid.', {
      issues: zodIssues(parsed.error),
    });
  }
  const data = Buffer.from(await image.arrayBuffer()).toString('base64');
  const mediaType = imageMediaTypes.find((type) => type === image.type) ?? 'image/jpeg';
  return { ...parsed.data, image: { mediaType, data } };
}

export function coachingRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(ask, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.coaching.ask(input)), 200);
    })
    .openapi(askStream, async (c) => {
      const input = c.req.valid('json');
      const controller = new AbortController();
      const events = await callProcedure(
        c,
        deps,
        (api) => api.coaching.askStream(input),
        controller.signal,
      );
      return sendAnswerEvents(c, events, controller);
    })
    .openapi(askMedia, async (c) => {
      // An upload of up to 14 MB is read and encoded only for a caller we know.
      await requireCaller(requestIdentity(c, deps));
      const input = await readMediaForm(c);
      return c.json(await callProcedure(c, deps, (api) => api.coaching.askMedia(input)), 200);
    })
    .openapi(listConversations, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.coaching.conversations(query)), 200);
    });
}
