import { z } from 'zod';
import { athleteTargetSchema } from './common.js';
import { isoDateSchema, real, text } from './primitives.js';

export const trainingSessionTypes = [
  'acceleration',
  'max_velocity',
  'speed_endurance',
  'special_endurance',
  'tempo',
  'strength',
  'plyometrics',
  'recovery',
  'competition',
  'other',
] as const;

export const logSessionSchema = athleteTargetSchema.extend({
  date: isoDateSchema,
  type: z.enum(trainingSessionTypes),
  durationMinutes: z.number().int().min(1).max(600),
  /** Session RPE on Borg's CR-10 scale. */
  rpe: real().min(0).max(10),
  /** Metres sprinted at ≥ 90% of maximal speed. */
  sprintMetres: z.number().int().min(0).max(20_000).optional(),
  notes: text().trim().max(2000).optional(),
});

export const trainingLoadQuerySchema = athleteTargetSchema
  .extend({
    /** The day the numbers are for; today in the athlete's time zone when omitted. */
    date: isoDateSchema.optional(),
    /** How many days of the daily series to return, ending at `date`. */
    days: z.number().int().min(1).max(365).default(42),
  })
  .optional();
