import { and, desc, eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type NewTrainingPlan, type TrainingPlan, trainingPlans } from '../schema/training.js';
import { recordOutboxEvent } from './outbox.js';

/** Stores a generated plan and its `plan.generated` event together. */
export async function insertTrainingPlan(
  db: AriaDatabase,
  values: NewTrainingPlan,
): Promise<TrainingPlan> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingPlans).values(values).returning();
    if (!row) throw new Error('insert into training_plans returned no row');
    await recordOutboxEvent(tx, {
      type: 'plan.generated',
      athleteId: row.athleteId,
      data: { planId: row.id, event: row.event },
    });
    return row;
  });
}

/** One plan of the athlete; another athlete's plan is not found. */
export async function findTrainingPlan(
  db: AriaDatabase,
  athleteId: string,
  id: string,
): Promise<TrainingPlan | undefined> {
  const [row] = await db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.id, id), eq(trainingPlans.athleteId, athleteId)));
  return row;
}

/** The athlete's plans, newest first. */
export async function listTrainingPlans(
  db: AriaDatabase,
  athleteId: string,
  page: { readonly limit: number; readonly offset: number },
): Promise<TrainingPlan[]> {
  return db
    .select()
    .from(trainingPlans)
    .where(eq(trainingPlans.athleteId, athleteId))
    .orderBy(desc(trainingPlans.createdAt), desc(trainingPlans.id))
    .limit(page.limit)
    .offset(page.offset);
}
