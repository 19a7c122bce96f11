import { planDocumentSchema, plannedSessionSchema } from '@aria/api';
import {
  planPhases,
  readinessBands,
  readinessModels,
  readinessStatuses,
  trainingRecommendations,
} from '@aria/core';
import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';
import { acwrFlagsSchema } from './wearables-views.js';

// The JSON of the plans procedures (views/plans.ts in @aria/api), for the document.

const plannedSession = plannedSessionSchema.meta({ id: 'PlannedSession' });

export const planSchema = z
  .object({
    id: z.uuid(),
    athleteId: z.string(),
    event: z.string(),
    narrative: z.string().nullable(),
    plan: planDocumentSchema.meta({ id: 'PlanDocument' }),
    createdAt: dateTime,
  })
  .meta({ id: 'Plan' });

export const planPageSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        event: z.string(),
        experienceLevel: z.string(),
        daysPerWeek: z.number().int(),
        competitionDate: z.iso.date(),
        startDate: z.iso.date(),
        weeks: z.number().int(),
        createdAt: dateTime,
      }),
    ),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'PlanPage' });

export const planTodaySchema = z
  .object({
    planId: z.uuid(),
    date: z.iso.date(),
    week: z.number().int().nullable(),
    phase: z.enum(planPhases).nullable(),
    planned: plannedSession.nullable(),
    session: plannedSession.nullable(),
    adapted: z.boolean(),
    adaptation: z.enum(['as_planned', 'trimmed', 'swapped']),
    reasons: z.array(z.string()),
    readiness: z.object({
      status: z.enum(readinessStatuses),
      score: z.number().nullable(),
      band: z.enum(readinessBands).nullable(),
      recommendation: z.enum(trainingRecommendations).nullable(),
      model: z.enum(readinessModels),
      summary: z.string(),
      missing: z.array(z.string()),
    }),
    acwr: acwrFlagsSchema,
  })
  .meta({ id: 'PlanToday' });
