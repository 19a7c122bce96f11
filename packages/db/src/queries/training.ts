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
