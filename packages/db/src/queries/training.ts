import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import {
  type NewTrainingSession,
  type TrainingSession,
  trainingSessions,
} from '../schema/training.js';

export async function insertTrainingSession(
  db: AriaDatabase,
  values: NewTrainingSession,
): Promise<TrainingSession> {
  const [row] = await db.insert(trainingSessions).values(values).returning();
  if (!row) throw new Error('insert into training_sessions returned no row');
  return row;
}

export interface DateWindow {
  /** First date included; omitted means from the athlete's first session. */
  readonly from?: string;
  /** Last date included. */
  readonly to: string;
}

/** An athlete's sessions in a date window, oldest first. */
export async function listTrainingSessions(
  db: AriaDatabase,
  athleteId: string,
  window: DateWindow,
): Promise<TrainingSession[]> {
  return db
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.athleteId, athleteId),
        lte(trainingSessions.date, window.to),
        window.from === undefined ? undefined : gte(trainingSessions.date, window.from),
      ),
    )
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.createdAt));
}

/**
 * A session logged in another system (`source`, with that system's id for it): stored once,
 * and replaced when the same session arrives again (a redelivery or a correction).
 */
export async function upsertExternalTrainingSession(
  db: AriaDatabase,
  values: NewTrainingSession & { readonly source: string; readonly externalId: string },
): Promise<TrainingSession> {
  const { athleteId, source, externalId, id: _id, createdAt: _createdAt, ...fields } = values;
  const [row] = await db
    .insert(trainingSessions)
    .values(values)
    .onConflictDoUpdate({
      target: [trainingSessions.athleteId, trainingSessions.source, trainingSessions.externalId],
      set: {
        date: fields.date,
        type: fields.type,
        durationMinutes: fields.durationMinutes ?? null,
        rpe: fields.rpe ?? null,
        sprintMetres: fields.sprintMetres ?? null,
        notes: fields.notes ?? null,
      },
    })
    .returning();
  if (!row) throw new Error('upsert into training_sessions returned no row');
  return row;
}
