import {
  cnsDemands,
  experienceLevels,
  type GeneratedPlan,
  planPhases,
  sessionTypes,
  sprintEvents,
} from '@aria/core';
import { z } from 'zod';

// The stored plan document (`training_plans.plan`), read back through this schema so a row
// that is not a plan fails loudly instead of leaking an unknown shape. Version 1 documents
// (before deload weeks and target notes) read as version 2 without them.

const isoDate = z.iso.date();

export const plannedSessionSchema = z.object({
  date: isoDate,
  weekday: z.string(),
  type: z.enum(sessionTypes),
  cns: z.enum(cnsDemands),
  title: z.string(),
  sets: z.number().int(),
  reps: z.number().int(),
  distanceMetres: z.number().nullable(),
  intensityPercent: z.number().nullable(),
  restBetweenRepsSeconds: z.number().nullable(),
  restBetweenSetsSeconds: z.number().nullable(),
  volumeMetres: z.number(),
  targetSecondsPerRep: z.number().nullable(),
  notes: z.string(),
});

export const planTargetsSchema = z.object({
  basis: z.string(),
  hundredMetres: z.number(),
  thirtyMetres: z.number(),
  sixtyMetres: z.number(),
  twoHundredMetres: z.number(),
});

export const planWeekSchema = z.object({
  week: z.number().int(),
  phase: z.enum(planPhases),
  startDate: isoDate,
  endDate: isoDate,
  deload: z.boolean().default(false),
  volumeMetres: z.number(),
  sessions: z.array(plannedSessionSchema),
});

export const planDocumentSchema: z.ZodType<GeneratedPlan> = z.object({
  version: z.union([z.literal(1), z.literal(2)]).transform(() => 2 as const),
  event: z.enum(sprintEvents),
  experienceLevel: z.enum(experienceLevels),
  daysPerWeek: z.number().int(),
  competitionDate: isoDate,
  startDate: isoDate,
  weeks: z.number().int(),
  phases: z.array(
    z.object({ phase: z.enum(planPhases), fromWeek: z.number().int(), toWeek: z.number().int() }),
  ),
  targets: planTargetsSchema.nullable(),
  targetsNote: z.string().nullable().default(null),
  schedule: z.array(planWeekSchema),
  rules: z.array(z.string()),
});
