import { type TrackLitAthleteContext, trackLitInjuryStatuses } from '@aria/core';
import { z } from 'zod';

/** `YYYY-MM-DD`, or a date-time whose date part is taken as written. */
const day = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => value.slice(0, 10));

/** Free text is kept, cut to `max` characters; the body size limit bounds the rest. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((value) => value.slice(0, max));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value.slice(0, max) : null));

const optionalNumber = (schema: z.ZodNumber) =>
  schema.nullish().transform((value) => value ?? null);

const session = z.object({
  date: day,
  title: text(200),
  completed: z.boolean(),
  durationMinutes: optionalNumber(z.number().int().min(0).max(1_440)),
  rpe: optionalNumber(z.number().min(0).max(10)),
  feeling: optionalNumber(z.number().int().min(1).max(10)),
  notes: optionalText(500),
});

const competition = z.object({
  date: day,
  name: text(200),
  location: optionalText(200),
  events: z.array(text(40)).max(30).default([]),
});

const result = z.object({
  date: day,
  event: text(40),
  performance: z.number().positive().max(100_000),
  wind: optionalNumber(z.number().min(-30).max(30)),
  place: optionalNumber(z.number().int().min(1).max(10_000)),
  competition: optionalText(200),
});

const injury = z.object({
  area: text(200),
  status: z.enum(trackLitInjuryStatuses),
  reportedOn: day.nullish().transform((value) => value ?? null),
  notes: optionalText(500),
});

/**
 * The body of TrackLit's `GET /api/athletes/{id}/context` (docs/tracklit-context.md). Every
 * list may be left out; keys Aria does not know are dropped. A body that does not match is
 * not used at all: no half-read context reaches the coach.
 */
export const trackLitContextSchema = z.object({
  recentSessions: z.array(session).default([]),
  upcomingCompetitions: z.array(competition).default([]),
  recentResults: z.array(result).default([]),
  injuries: z.array(injury).default([]),
}) satisfies z.ZodType<TrackLitAthleteContext, unknown>;

/** The first few problems of a refused body, for the log line (values are never echoed). */
export function describeContextIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}
