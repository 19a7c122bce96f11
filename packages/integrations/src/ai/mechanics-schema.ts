import { mechanicsAspects, mechanicsRatings } from '@aria/core';
import { z } from 'zod';
import { parseJsonAs } from './answer-schema.js';

const finding = z.object({
  rating: z.enum(mechanicsRatings),
  observation: z.string().trim().min(1).max(2_000),
  cue: z.string().trim().max(500),
});

/**
 * A mechanics analysis as the model must answer it and as Aria stores and serves it: a
 * summary, one finding per aspect, and drills. Parsed with this schema, never evaluated.
 */
export const mechanicsAnalysisSchema = z.object({
  summary: z.string().trim().min(1).max(4_000),
  posture: finding,
  shinAngles: finding,
  groundContact: finding,
  armAction: finding,
  drills: z.array(z.string().trim().min(1).max(200)).max(5),
});

export type MechanicsAnalysis = z.infer<typeof mechanicsAnalysisSchema>;
export type MechanicsFinding = z.infer<typeof finding>;

const findingJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rating', 'observation', 'cue'],
  properties: {
    rating: { type: 'string', enum: [...mechanicsRatings] },
    observation: { type: 'string' },
    cue: { type: 'string' },
  },
} as const;

/** The same shape as a strict JSON schema, for `response_format` (structured outputs). */
export const mechanicsJsonSchema = {
  name: 'sprint_mechanics',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['summary', ...mechanicsAspects, 'drills'],
    properties: {
      summary: { type: 'string' },
      ...Object.fromEntries(mechanicsAspects.map((aspect) => [aspect, findingJsonSchema])),
      drills: { type: 'array', items: { type: 'string' } },
    },
  },
};

/** The model's text as an analysis, or undefined when it is not valid JSON of that shape. */
export function parseMechanicsAnalysis(
  text: string | null | undefined,
): MechanicsAnalysis | undefined {
  return parseJsonAs(mechanicsAnalysisSchema, text);
}
