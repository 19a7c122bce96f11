import {
  factorStatuses,
  readinessBands,
  readinessFactorKeys,
  readinessModels,
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
    hrvRmssd: z.number().nullable().meta({ description: 'RMSSD in ms.' }),
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
      sd: z.number(),
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

export const readinessSchema = z
  .object({
    athleteId: z.string(),
    date: z.iso.date(),
    model: z.enum(readinessModels),
    score: z.number().int(),
    band: z.enum(readinessBands),
    recommendation: z.enum(trainingRecommendations),
    lowIntensityAdvised: z.boolean(),
    summary: z.string(),
    factors: z.array(readinessFactorSchema),
    warnings: z.array(z.string()),
    focusAreas: z.array(z.string()),
    historyDays: z.number().int(),
    fallbackReason: z.string().nullable(),
  })
  .meta({ id: 'Readiness' });
