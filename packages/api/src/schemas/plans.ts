import { experienceLevels, maximumPlanWeeks, sprintEvents } from '@aria/core';
import { z } from 'zod';
import { athleteTargetSchema, pageSchema } from './common.js';
import { isoDateSchema } from './primitives.js';

/** What `plans.generate` takes: the event, the athlete's level and week, and the race date. */
export const generatePlanSchema = athleteTargetSchema.extend({
  event: z.enum(sprintEvents),
  experienceLevel: z.enum(experienceLevels),
  daysPerWeek: z.number().int().min(2).max(6),
  competitionDate: isoDateSchema,
  /** Personal best over `event`, in seconds (electronic). */
  personalBest: z.number().positive().max(600).optional(),
  /** Plan length; the weeks until the competition when omitted. */
  weeks: z.number().int().min(1).max(maximumPlanWeeks).optional(),
});

export const planIdSchema = athleteTargetSchema.extend({ id: z.uuid() });

export const planListSchema = athleteTargetSchema.extend(pageSchema).optional();

export const planTodaySchema = planIdSchema.extend({
  /** The day to plan; today in the athlete's time zone when omitted. */
  date: isoDateSchema.optional(),
});
