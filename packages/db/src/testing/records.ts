import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { provisionAthlete } from '../queries/athletes.js';
import { outboxEvents } from '../schema/events.js';

/** A freshly provisioned athlete with a unique id. */
export async function newTestAthlete(db: AriaDatabase): Promise<string> {
  const id = `athlete-${randomUUID()}`;
  await provisionAthlete(db, { id });
  return id;
}

/** The athlete's outbox events in order, as `{ type, data }`. */
export async function outboxEventsOf(db: AriaDatabase, athleteId: string) {
  const rows = await db
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.athleteId, athleteId))
    .orderBy(asc(outboxEvents.id));
  return rows.map((row) => ({ type: row.topic, data: row.payload }));
}
