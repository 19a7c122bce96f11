import { acwrZones } from '@aria/core';
import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';

// The JSON of the training procedures (views/training.ts in @aria/api), for the document.

const isoDate = z.iso.date();

export const trainingSessionSchema = z
  .object({
    id: z.uuid(),
    athleteId: z.string(),
    date: isoDate,
    type: z.string(),
    durationMinutes: z.number().int().nullable(),
    rpe: z.number().nullable(),
    sprintMetres: z.number().int().nullable(),
    load: z.number().meta({ description: 'Foster session-RPE load: RPE × minutes (AU).' }),
    notes: z.string().nullable(),
    createdAt: dateTime,
  })
  .meta({ id: 'TrainingSession' });

const acwrReadingSchema = z.object({
  acute: z.number(),
  chronic: z.number(),
  ratio: z.number().nullable(),
  zone: z.enum(acwrZones).nullable(),
});

export const trainingLoadSchema = z
  .object({
    athleteId: z.string(),
    asOf: isoDate,
    days: z.array(
      z.object({
        date: isoDate,
        load: z.number(),
        sessions: z.number().int(),
        sprintMetres: z.number().int(),
        fitness: z.number().meta({ description: 'CTL (42-day).' }),
        fatigue: z.number().meta({ description: 'ATL (7-day).' }),
        form: z.number().meta({ description: 'TSB: yesterday’s CTL − ATL.' }),
      }),
    ),
    acwr: z
      .object({
        available: z.boolean(),
        daysOfData: z.number().int(),
        daysRequired: z.number().int(),
        rolling: acwrReadingSchema.nullable(),
        ewma: acwrReadingSchema.nullable(),
        note: z.string(),
      })
      .meta({
        description:
          'Rolling (7:21 uncoupled) and EWMA (N = 7, 28) ACWR; null until 28 days of data exist.',
      }),
    fitness: z.number(),
    fatigue: z.number(),
    form: z.number(),
    ramp: z.number().meta({ description: 'Change in CTL over 7 days.' }),
  })
  .meta({ id: 'TrainingLoad' });
