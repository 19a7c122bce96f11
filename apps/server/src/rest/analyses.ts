import {
  type ApiDeps,
  analysisIdSchema,
  analysisMediaTypes,
  analyzeMediaSchema,
  requireCaller,
  sniffAnalysisMediaType,
  zodIssues,
} from '@aria/api';
import { AppError, mechanicsRatings } from '@aria/core';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestIdentity } from '../request-identity.js';
import { callProcedure } from './call.js';
import {
  authedProblems,
  authenticated,
  dateTime,
  jsonOk,
  problemAnswer,
  problemWhen,
  rateLimitHeaders,
} from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';

// Background analysis of sprint videos and images: `POST` queues one (202), `GET` shows it.

const tag = 'Coaching';
const route = restRoutesTagged(tag);
const finding = z.object({
  rating: z.enum(mechanicsRatings),
  observation: z.string(),
  cue: z.string().meta({ description: 'Empty when the rating is good or not_visible.' }),
});

export const analysisSchema = z
  .object({
    id: z.uuid(),
    athleteId: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    mediaKind: z.enum(['video', 'image']),
    mediaType: z.string(),
    event: z.string().nullable().meta({ description: 'The event the sprint was judged for.' }),
    experienceLevel: z.string().nullable(),
    attempts: z.number().int(),
    result: z
      .object({
        summary: z.string(),
        posture: finding,
        shinAngles: finding,
        groundContact: finding,
        armAction: finding,
        drills: z.array(z.string()),
      })
      .nullable()
      .meta({ description: 'The mechanics findings, once completed.' }),
    error: z
      .object({ code: z.string(), detail: z.string() })
      .nullable()
      .meta({ description: 'Why it failed; the `ask_media` unit was given back.' }),
    createdAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'Analysis' });

const formSchema = {
  type: 'object' as const,
  required: ['media'],
  properties: {
    media: {
      type: 'string' as const,
      format: 'binary',
      description:
        'An MP4, QuickTime or WebM video (at most ANALYSIS_MAX_BYTES, 25 MB by default) or a ' +
        'JPEG, PNG or WebP image (at most 10 MB). Its first bytes must match its type.',
    },
    event: { type: 'string' as const, enum: [...analyzeMediaSchema.shape.event.unwrap().options] },
    experienceLevel: {
      type: 'string' as const,
      enum: [...analyzeMediaSchema.shape.experienceLevel.unwrap().options],
    },
    athleteId: { type: 'string' as const, description: 'Service or admin: the athlete.' },
  },
};

const create = {
  method: 'post' as const,
  path: '/coaching/analyses',
  operationId: 'coaching.analyzeMedia',
  summary: 'Analyse the mechanics of a sprint video or image, in the background',
  description:
    'Answers 202 with the queued analysis and its `Location`; poll it until `completed` or ' +
    '`failed`. TrackLit also receives `analysis.completed`. Metered as "ask media"; a failed ' +
    'analysis gives the unit back. The event and level default to the profile’s first sprint ' +
    'event and the latest plan’s level.',
  tags: [tag],
  security: authenticated,
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: formSchema } } },
  },
  responses: {
    202: {
      description: 'The analysis, queued.',
      headers: {
        ...rateLimitHeaders,
        Location: { schema: { type: 'string' as const }, description: 'Where to read it.' },
      },
      content: { 'application/json': { schema: analysisSchema } },
    },
    ...authedProblems,
    402: problemAnswer(402),
    413: problemWhen('The file is too large (`PAYLOAD_TOO_LARGE`).'),
    415: problemWhen('The file is not an accepted video or image (`UNSUPPORTED_MEDIA_TYPE`).'),
    503: problemWhen(
      'No vision-capable AI provider (`AI_UNAVAILABLE`), or no ffmpeg for a video (`NOT_CONFIGURED`).',
    ),
  },
};

const read = {
  method: 'get' as const,
  path: '/coaching/analyses/{id}',
  operationId: 'coaching.getAnalysis',
  summary: 'An analysis: its status, and its mechanics findings once completed',
  description: 'Acts for the caller; a linked coach, admin or the service names `athleteId`.',
  request: {
    params: z.object({ id: analysisIdSchema.shape.id }),
    query: z.object({ athleteId: analysisIdSchema.shape.athleteId }),
  },
  responses: { 200: jsonOk(analysisSchema, 'The analysis.'), ...authedProblems },
};

/** What browsers and curl send for a file whose type they do not know. */
const unlabelled: ReadonlySet<string> = new Set(['', 'application/octet-stream']);
const fieldsSchema = analyzeMediaSchema.omit({ media: true });

/** The multipart form as the analyzeMedia input; the procedure checks the bytes themselves. */
async function readAnalysisForm(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  const media = form.media;
  if (!(media instanceof File)) {
    throw new AppError('BAD_REQUEST', 'The form needs a `media` file.', {
      issues: [{ path: 'media', message: 'required' }],
    });
  }
  const { event, experienceLevel, athleteId } = form;
  const parsed = fieldsSchema.safeParse({ event, experienceLevel, athleteId });
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'The input is not valid.', {
      issues: zodIssues(parsed.error),
    });
  }
  const bytes = Buffer.from(await media.arrayBuffer());
  const declared = unlabelled.has(media.type)
    ? sniffAnalysisMediaType(bytes.subarray(0, 64))
    : analysisMediaTypes.find((type) => type === media.type);
  if (!declared) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The file must be an MP4, QuickTime or WebM video, or a JPEG, PNG or WebP image.',
    );
  }
  return { ...parsed.data, media: { mediaType: declared, data: bytes.toString('base64') } };
}

function locationOf(c: Context<AppEnv>, id: string, athleteId: string | undefined): string {
  const query = athleteId === undefined ? '' : `?athleteId=${encodeURIComponent(athleteId)}`;
  return `${c.req.path}/${id}${query}`;
}

/** Hand-written: a multipart upload, checked for a caller before it is read, answering 202. */
const createRow: RestRoute = {
  register(app, deps: ApiDeps) {
    app.openapi(create, async (c) => {
      // An upload is read and encoded only for a caller we know.
      await requireCaller(requestIdentity(c, deps));
      const input = await readAnalysisForm(c);
      const analysis = await callProcedure(c, deps, (api) => api.coaching.analyzeMedia(input));
      c.header('Location', locationOf(c, analysis.id, input.athleteId));
      return c.json(analysis, 202);
    });
  },
};

export const analysesRoutes: readonly RestRoute[] = [
  createRow,
  route(read, {
    procedure: (api) => api.coaching.getAnalysis,
    input: (req) => ({ ...req.valid('query'), ...req.valid('param') }),
  }),
];
