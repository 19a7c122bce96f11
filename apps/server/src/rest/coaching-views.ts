import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';

// The JSON of the coaching procedures, for the OpenAPI document.

const bibliographyEntry = z.object({
  title: z.string(),
  url: z.string().nullable(),
  articleId: z.string().nullable().meta({ description: 'The knowledge article cited, if any.' }),
});

const usage = z.object({
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  totalTokens: z.number().int(),
});

export const coachingAnswerSchema = z
  .object({
    analysis: z.string(),
    recommendation: z.string(),
    bibliography: z.array(bibliographyEntry),
    conversationId: z.uuid(),
    provider: z.enum(['openai', 'builtin']).meta({ description: 'Who answered.' }),
    usage,
  })
  .meta({ id: 'CoachingAnswer' });

const message = z.object({
  id: z.uuid(),
  role: z.enum(['user', 'assistant', 'system']),
  content: z.string(),
  answer: z
    .object({
      analysis: z.string(),
      recommendation: z.string(),
      bibliography: z.array(bibliographyEntry),
    })
    .nullable(),
  provider: z.string().nullable(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  mediaType: z.string().nullable(),
  createdAt: dateTime,
});

export const conversationListSchema = z
  .array(
    z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      createdAt: dateTime,
      updatedAt: dateTime,
      messages: z.array(message),
    }),
  )
  .meta({ id: 'Conversations' });

/** The multipart body of `POST /coaching/ask/media`, for the document only (parsed by hand). */
export const mediaFormSchema = {
  type: 'object' as const,
  required: ['question', 'image'],
  properties: {
    question: { type: 'string' as const, minLength: 1, maxLength: 5000 },
    conversationId: { type: 'string' as const, format: 'uuid' },
    athleteId: { type: 'string' as const, description: 'Service or admin: the athlete.' },
    image: {
      type: 'string' as const,
      format: 'binary',
      description: 'A JPEG, PNG or WebP image of at most 10 MB.',
    },
  },
};
