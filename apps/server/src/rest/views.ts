import { apiKeyScopes, coachModes } from '@aria/api';
import { meteredKinds, tierNames } from '@aria/core';
import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';

// The JSON the procedures answer with, for the OpenAPI document. Handlers return the
// procedure's result as it is; the compiler checks it fits these schemas.

export const athleteSchema = z
  .object({
    id: z.string().meta({ description: 'The TrackLit user id.' }),
    name: z.string().nullable(),
    email: z.string().nullable(),
    gender: z.string().nullable(),
    birthDate: z.iso.date().nullable(),
    eventFocus: z.array(z.string()),
    personalBests: z
      .record(z.string(), z.number())
      .meta({ description: 'Seconds by event.', example: { '100m': 10.85 } }),
    trainingGoal: z.string().nullable(),
    injuryStatus: z.string().nullable(),
    coachMode: z.enum(coachModes),
    mood: z.string().nullable(),
    timeZone: z.string().meta({
      description: 'IANA time zone; "today" and the calendar quota month follow it. UTC until set.',
      example: 'Europe/Stockholm',
    }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: 'Athlete' });

export const athleteErasedSchema = z
  .object({ id: z.string(), erased: z.boolean() })
  .meta({ id: 'AthleteErased' });

export const athleteExportSchema = z
  .object({
    exportedAt: dateTime,
    athlete: athleteSchema,
    records: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Every other stored record of the athlete, by kind.' }),
  })
  .meta({ id: 'AthleteExport' });

export const moodReportSchema = z
  .object({
    id: z.string(),
    athleteId: z.string(),
    mood: z.string(),
    energy: z.number().int().nullable(),
    soreness: z.number().int().nullable(),
    note: z.string().nullable(),
    createdAt: dateTime,
  })
  .meta({ id: 'MoodReport' });

export const coachLinkSchema = z
  .object({ coachId: z.string(), athleteId: z.string(), linkedAt: dateTime })
  .meta({ id: 'CoachLink' });

export const coachUnlinkedSchema = z
  .object({ coachId: z.string(), athleteId: z.string(), unlinked: z.literal(true) })
  .meta({ id: 'CoachUnlinked' });

export const coachLinksSchema = z
  .object({
    athletes: z.array(
      z.object({
        athleteId: z.string(),
        name: z.string().nullable(),
        eventFocus: z.array(z.string()),
        linkedAt: dateTime,
      }),
    ),
    coaches: z.array(z.object({ coachId: z.string(), linkedAt: dateTime })),
  })
  .meta({
    id: 'CoachLinks',
    description: 'A coach sees its athletes, an athlete its coaches; the other list is empty.',
  });

export const knowledgeArticleSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string(),
    body: z.string().nullable(),
    tags: z.array(z.string()),
    url: z.string().nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
    rank: z.number().optional().meta({ description: 'Relevance of a search hit.' }),
  })
  .meta({ id: 'KnowledgeArticle' });

export const knowledgePageSchema = z
  .object({
    items: z.array(knowledgeArticleSchema),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'KnowledgePage' });

export const knowledgeDeletedSchema = z
  .object({ id: z.uuid(), deleted: z.literal(true) })
  .meta({ id: 'KnowledgeDeleted' });

export const tiersSchema = z
  .object({
    tiers: z.array(
      z.object({
        tier: z.enum(tierNames),
        priceUsd: z.number(),
        monthly: z
          .record(z.enum(meteredKinds), z.number().int())
          .meta({ description: 'Monthly quota by kind; -1 means unlimited.' }),
        perMinute: z.object({ ask: z.number().int(), default: z.number().int() }),
        perHour: z.object({ default: z.number().int().nullable() }),
      }),
    ),
  })
  .meta({ id: 'Tiers' });

const apiKeyFields = {
  id: z.uuid(),
  start: z.string().meta({ description: 'The first characters of the key.' }),
  name: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  expiresAt: dateTime.nullable(),
  createdAt: dateTime,
};

export const apiKeySchema = z
  .object({ ...apiKeyFields, revokedAt: dateTime.nullable(), lastUsedAt: dateTime.nullable() })
  .meta({ id: 'ApiKey' });

export const issuedApiKeySchema = z
  .object({
    ...apiKeyFields,
    key: z.string().meta({ description: 'The key itself; shown in this answer only.' }),
  })
  .meta({ id: 'IssuedApiKey' });

export const apiKeyListSchema = z.array(apiKeySchema).meta({ id: 'ApiKeys' });
