import type { CoachAnswer } from '@aria/core';
import { z } from 'zod';

/** What the model must answer; its text is parsed with this schema, never evaluated. */
export const modelAnswerSchema = z.object({
  analysis: z.string().trim().min(1).max(20_000),
  recommendation: z.string().trim().min(1).max(20_000),
  bibliography: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(500),
        url: z
          .url({ protocol: /^https?$/ })
          .max(2_000)
          .nullable()
          .catch(null),
        articleId: z.string().max(100).nullable(),
      }),
    )
    .max(20),
});

/** The same shape as a strict JSON schema, for `response_format` (structured outputs). */
export const answerJsonSchema = {
  name: 'coach_answer',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['analysis', 'recommendation', 'bibliography'],
    properties: {
      analysis: { type: 'string' },
      recommendation: { type: 'string' },
      bibliography: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['title', 'url', 'articleId'],
          properties: {
            title: { type: 'string' },
            url: { type: ['string', 'null'] },
            articleId: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
} as const;

/** A model's text as JSON of `schema`'s shape, or undefined when it is not. */
export function parseJsonAs<T>(
  schema: z.ZodType<T>,
  text: string | null | undefined,
): T | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The model's text as an answer, or undefined when it is not valid JSON of that shape. */
export function parseModelAnswer(text: string | null | undefined): CoachAnswer | undefined {
  return parseJsonAs(modelAnswerSchema, text);
}

/** Only article ids the library offered survive; anything else a model made up is dropped. */
export function keepKnownArticles(answer: CoachAnswer, knownIds: ReadonlySet<string>): CoachAnswer {
  return {
    ...answer,
    bibliography: answer.bibliography.map((entry) =>
      entry.articleId !== null && !knownIds.has(entry.articleId)
        ? { ...entry, articleId: null }
        : entry,
    ),
  };
}
