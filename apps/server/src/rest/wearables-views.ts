import {
  acwrZones,
  factorStatuses,
  readinessBands,
  readinessFactorKeys,
  readinessModels,
  readinessStatuses,
  trainingRecommendations,
} from '@aria/core';
import { z } from '@hono/zod-openapi';

// The JSON of the wearables procedures (views/wearables.ts in @aria/api), for the document.

export const wearableConnectSchema = z
  .object({
    provider: z.literal('terra'),
    url: z.url().meta({ description: 'Terra’s widget, where the athlete links a wearable.' }),
    sessionId: z.string(),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'WearableConnect' });

export const dailyMetricsSchema = z
  .object({
    athleteId: z.string(),
    date: z.iso.date(),
    hrvRmssd: z.number().nullable().meta({ description: 'RMSSD in ms, overnight or on waking.' }),
    hrvRmssdDaily: z
      .number()
      .nullable()
      .meta({ description: "The wearable's 24-hour average RMSSD in ms." }),
    restingHr: z.number().nullable(),
    sleepHours: z.number().nullable(),
    sleepEfficiencyPercent: z.number().nullable(),
    recoveryScore: z.number().nullable(),
    steps: z.number().int().nullable(),
    strain: z.number().nullable(),
    sources: z
      .array(z.string())
      .meta({ description: '`manual` first, then wearables (`terra:oura`, …).' }),
  })
  .meta({ id: 'DailyMetrics' });

export const readinessFactorSchema = z.object({
  key: z.enum(readinessFactorKeys),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  baseline: z
    .object({
      mean: z.number(),
      sd: z.number().nullable().meta({ description: 'Null for HRV (its band is on lnRMSSD).' }),
      lower: z.number(),
      upper: z.number(),
      days: z.number().int(),
    })
    .nullable(),
  points: z.number(),
  maxPoints: z.number(),
  contribution: z.number().meta({ description: 'Points of the 0–100 score from this factor.' }),
  status: z.enum(factorStatuses),
  explanation: z.string(),
});

const acwrFlag = z.object({ ratio: z.number(), zone: z.enum(acwrZones) }).nullable();

/** Rolling and EWMA ACWR as of a day; null before 28 days of training log. */
export const acwrFlagsSchema = z
  .object({ rolling: acwrFlag, ewma: acwrFlag })
  .nullable()
  .meta({ id: 'AcwrFlags' });

export const readinessSchema = z
  .object({
    athleteId: z.string(),
    date: z.iso.date(),
    status: z.enum(readinessStatuses).meta({
      description: '`insufficient_data`: under half the points measured; not charged.',
    }),
    model: z.enum(readinessModels),
    score: z
      .number()
      .nullable()
      .meta({ description: '0–100, cut to one decimal; null for insufficient data.' }),
    band: z.enum(readinessBands).nullable(),
    recommendation: z.enum(trainingRecommendations).nullable(),
    lowIntensityAdvised: z.boolean(),
    adjustment: z
      .string()
      .nullable()
      .meta({ description: 'Why the band is lower than the score alone would give.' }),
    summary: z.string(),
    factors: z.array(readinessFactorSchema),
    missing: z.array(z.string()),
    coverage: z.object({
      measuredPoints: z.number(),
      possiblePoints: z.number(),
      requiredPoints: z.number(),
    }),
    warnings: z.array(z.string()),
    focusAreas: z.array(z.string()),
    historyDays: z.number().int(),
    fallbackReason: z.string().nullable(),
  })
  .meta({ id: 'Readiness' });
