import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { bytea, timestamps, timestamptz } from './columns.js';
import { analysisStatusEnum } from './enums.js';

export type AnalysisMediaKind = 'video' | 'image';

/**
 * A background analysis of a sprint video or image (`coaching.analyzeMedia`). The upload
 * itself waits in `analysis_media` and is gone once the analysis ends.
 */
export const analyses = pgTable(
  'analyses',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    status: analysisStatusEnum().notNull().default('queued'),
    mediaKind: text().$type<AnalysisMediaKind>().notNull(),
    /** The upload's media type, as its first bytes showed it. */
    mediaType: text().notNull(),
    mediaBytes: integer().notNull(),
    /** The sprint event and experience level the model was told (null: not known). */
    event: text(),
    experienceLevel: text(),
    /** Runs started, retries included. */
    attempts: integer().notNull().default(0),
    /** The model's mechanics findings, once completed. */
    result: jsonb().$type<Record<string, unknown>>(),
    /** Why it failed (an error code), once failed. */
    errorCode: text(),
    provider: text(),
    model: text(),
    promptTokens: integer(),
    completionTokens: integer(),
    /**
     * The `ask_media` unit the request consumed (quota period and day), given back when the
     * analysis fails; null when the call cost nothing (a coach's or an already paid call).
     */
    chargedPeriodStart: date({ mode: 'string' }),
    chargedDay: date({ mode: 'string' }),
    ...timestamps,
    finishedAt: timestamptz(),
  },
  (table) => [
    index('analyses_athlete_created_idx').on(table.athleteId, table.createdAt),
    check('analyses_media_kind', sql`${table.mediaKind} IN ('video', 'image')`),
    check(
      'analyses_completed_has_result',
      sql`${table.status} <> 'completed' OR ${table.result} IS NOT NULL`,
    ),
    check(
      'analyses_failed_has_error',
      sql`${table.status} <> 'failed' OR ${table.errorCode} IS NOT NULL`,
    ),
    check(
      'analyses_charge_complete',
      sql`(${table.chargedPeriodStart} IS NULL) = (${table.chargedDay} IS NULL)`,
    ),
  ],
);

export type AnalysisMediaPart = 'upload' | 'frame';

/** The upload of a waiting analysis, then its extracted key frames; deleted when it ends. */
export const analysisMedia = pgTable(
  'analysis_media',
  {
    analysisId: uuid()
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    /** Frame order (the upload is 0). */
    seq: integer().notNull(),
    part: text().$type<AnalysisMediaPart>().notNull(),
    mediaType: text().notNull(),
    bytes: bytea().notNull(),
  },
  (table) => [
    primaryKey({ name: 'analysis_media_pk', columns: [table.analysisId, table.seq] }),
    check('analysis_media_part', sql`${table.part} IN ('upload', 'frame')`),
  ],
);

export type Analysis = typeof analyses.$inferSelect;
export type NewAnalysis = typeof analyses.$inferInsert;
export type AnalysisMedia = typeof analysisMedia.$inferSelect;
