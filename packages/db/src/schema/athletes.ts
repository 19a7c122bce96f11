import { date, index, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz } from './columns.js';
import { coachModeEnum } from './enums.js';

/** An athlete; `id` is the TrackLit user id (the JWT `sub`). Profile fields start empty. */
export const athletes = pgTable('athletes', {
  id: text().primaryKey(),
  name: text(),
  email: text(),
  gender: text(),
  birthDate: date({ mode: 'string' }),
  eventFocus: text().array().notNull().default([]),
  /** Personal bests in seconds, keyed by event (`{ "100m": 10.85 }`). */
  personalBests: jsonb().$type<Record<string, number>>().notNull().default({}),
  trainingGoal: text(),
  injuryStatus: text(),
  coachMode: coachModeEnum().notNull().default('supportive'),
  mood: text(),
  /** IANA time zone: "today", daily figures and the calendar quota month follow it. */
  timeZone: text().notNull().default('UTC'),
  ...timestamps,
});

/**
 * A coach's access to an athlete. `coachId` is the coach's TrackLit user id and is plain
 * text on purpose: a coach need not have an athlete row.
 */
export const coachAthleteLinks = pgTable(
  'coach_athlete_links',
  {
    coachId: text().notNull(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    /** Who granted the link: the athlete's id, or the admin/service identity. */
    grantedBy: text().notNull(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [
    unique('coach_athlete_links_coach_athlete_unique').on(table.coachId, table.athleteId),
    index('coach_athlete_links_athlete_idx').on(table.athleteId),
  ],
);

export type Athlete = typeof athletes.$inferSelect;
export type NewAthlete = typeof athletes.$inferInsert;
export type CoachAthleteLink = typeof coachAthleteLinks.$inferSelect;
export type NewCoachAthleteLink = typeof coachAthleteLinks.$inferInsert;
