import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { timestamptz } from './columns.js';

/** A generated plan: the validated inputs, the plan document and its narrative. */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    plan: jsonb().$type<Record<string, unknown>>().notNull(),
    narrative: text(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [index('training_plans_athlete_created_idx').on(table.athleteId, table.createdAt)],
);

/** A logged session; the input of training-load calculations (ACWR, CTL/ATL). */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    type: text().notNull(),
    durationMinutes: integer(),
    /** Session RPE on the 0–10 (CR-10) scale. */
    rpe: real(),
    sprintMetres: integer(),
    notes: text(),
    /** Where a session logged elsewhere came from (`tracklit`), with that system's id for it. */
    source: text(),
    externalId: text(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [
    index('training_sessions_athlete_date_idx').on(table.athleteId, table.date),
    uniqueIndex('training_sessions_external_unique').on(
      table.athleteId,
      table.source,
      table.externalId,
    ),
    check('training_sessions_rpe_range', sql`${table.rpe} >= 0 AND ${table.rpe} <= 10`),
  ],
);

export type TrainingPlan = typeof trainingPlans.$inferSelect;
export type NewTrainingPlan = typeof trainingPlans.$inferInsert;
export type TrainingSession = typeof trainingSessions.$inferSelect;
export type NewTrainingSession = typeof trainingSessions.$inferInsert;
