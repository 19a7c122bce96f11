import { z } from 'zod';
import { athleteTargetSchema } from './common.js';
import { isoDateSchema, isStorableText, real, storableUrl, text } from './primitives.js';

const redirectUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine(isStorableText, storableUrl);

export const connectWearableSchema = athleteTargetSchema.extend({
  /** Terra provider names (`GARMIN`, `OURA`, `WHOOP`, …); every enabled one when omitted. */
  providers: z
    .array(
      text()
        .trim()
        .regex(/^[A-Za-z0-9_]{2,40}$/)
        .transform((name) => name.toUpperCase()),
    )
    .max(20)
    .optional(),
  language: text().trim().min(2).max(10).optional(),
  successRedirectUrl: redirectUrl.optional(),
  failureRedirectUrl: redirectUrl.optional(),
});

const metricFields = {
  /** RMSSD in milliseconds, measured overnight or on waking (one condition, every day). */
  hrvRmssd: real().positive().max(500).optional(),
  restingHr: real().min(20).max(200).optional(),
  sleepHours: real().min(0).max(24).optional(),
  sleepEfficiencyPercent: real().min(0).max(100).optional(),
  /** The wearable's recovery score, 0–100. */
  recoveryScore: real().min(0).max(100).optional(),
  steps: real().int().min(0).max(200_000).optional(),
  strain: real().min(0).max(1000).optional(),
};

const metricNames = [
  'hrvRmssd',
  'restingHr',
  'sleepHours',
  'sleepEfficiencyPercent',
  'recoveryScore',
  'steps',
  'strain',
] as const satisfies readonly (keyof typeof metricFields)[];

export const recordMetricsSchema = athleteTargetSchema
  .extend({ date: isoDateSchema, ...metricFields })
  .refine((input) => metricNames.some((name) => input[name] !== undefined), {
    error: 'Give at least one metric.',
  });

export const dailyMetricsQuerySchema = athleteTargetSchema.extend({ date: isoDateSchema });

export const readinessQuerySchema = athleteTargetSchema
  .extend({
    /** The day to score; today in the athlete's time zone when omitted. */
    date: isoDateSchema.optional(),
  })
  .optional();
