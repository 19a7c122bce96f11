import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { timestamps, timestamptz } from './columns.js';

/** A wearable account linked through Terra; `externalUserId` is the provider's user id. */
export const wearableConnections = pgTable(
  'wearable_connections',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    provider: text().notNull(),
    externalUserId: text().notNull(),
    /** connected, revoked, error, … */
    status: text().notNull().default('connected'),
    connectedAt: timestamptz().defaultNow().notNull(),
    revokedAt: timestamptz(),
  },
  (table) => [
    unique('wearable_connections_provider_external_user_unique').on(
      table.provider,
      table.externalUserId,
    ),
    index('wearable_connections_athlete_idx').on(table.athleteId),
  ],
);

/** One day of recovery metrics per athlete and source (`terra:whoop`, `manual`, …). */
export const dailyMetrics = pgTable(
  'daily_metrics',
  {
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    source: text().notNull(),
    /** RMSSD (ms) measured overnight or on waking: sleep records and manual entries. */
    hrvRmssd: real(),
    /** The wearable's 24-hour average RMSSD (ms): another condition, kept apart. */
    hrvRmssdDaily: real(),
    restingHr: real(),
    sleepSeconds: integer(),
    /** 0–1. */
    sleepEfficiency: real(),
    recoveryScore: real(),
    steps: integer(),
    strain: real(),
    ...timestamps,
  },
  (table) => [
    primaryKey({ name: 'daily_metrics_pk', columns: [table.athleteId, table.date, table.source] }),
  ],
);

export type WearableConnection = typeof wearableConnections.$inferSelect;
export type NewWearableConnection = typeof wearableConnections.$inferInsert;
export type DailyMetrics = typeof dailyMetrics.$inferSelect;
export type NewDailyMetrics = typeof dailyMetrics.$inferInsert;
