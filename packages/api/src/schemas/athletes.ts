import { canonicalTimeZone } from '@aria/core';
import { z } from 'zod';
import { athleteTargetSchema, userIdSchema } from './common.js';
import { isoDateSchema, text } from './primitives.js';

export const coachModes = ['strict', 'supportive', 'friendly'] as const;
export const moods = ['great', 'good', 'motivated', 'okay', 'tired', 'sore', 'stressed'] as const;

export const athleteProfileSchema = z.object({
  name: text().trim().min(1).max(200).nullable(),
  email: z.email().max(320).nullable(),
  gender: text().trim().min(1).max(50).nullable(),
  birthDate: isoDateSchema.nullable(),
  eventFocus: z.array(text().trim().min(1).max(40)).max(10),
  /** Personal bests in seconds, keyed by event (`{ "100m": 10.85 }`). */
  personalBests: z.record(text().trim().min(1).max(20), z.number().positive().max(100_000)),
  trainingGoal: text().trim().max(2000).nullable(),
  injuryStatus: text().trim().max(2000).nullable(),
  coachMode: z.enum(coachModes),
  mood: z.enum(moods).nullable(),
  /** IANA time zone (`Europe/Stockholm`); "today" and the calendar quota month follow it. */
  timeZone: z
    .string()
    .trim()
    .max(64)
    .transform((name, ctx) => {
      const zone = canonicalTimeZone(name);
      if (zone === undefined) {
        ctx.issues.push({
          code: 'custom',
          input: name,
          message: 'must be an IANA time zone such as Europe/Stockholm or UTC',
        });
        return z.NEVER;
      }
      return zone;
    }),
});

export const athleteProfileChangesSchema = athleteProfileSchema.partial();

export const createAthleteSchema = athleteProfileChangesSchema.extend({ id: userIdSchema });

export const updateAthleteSchema = athleteProfileChangesSchema.extend(athleteTargetSchema.shape);

export const moodReportSchema = athleteTargetSchema.extend({
  mood: z.enum(moods),
  energy: z.number().int().min(1).max(10).optional(),
  soreness: z.number().int().min(1).max(10).optional(),
  note: text().trim().max(1000).optional(),
});
