import { and, asc, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type OutboxEvent, outboxEvents } from '../schema/events.js';

/** The event types Aria sends to TrackLit. */
export const outboxEventTypes = [
  'plan.generated',
  'readiness.updated',
  'analysis.completed',
  'subscription.changed',
  'insight.created',
] as const;
export type OutboxEventType = (typeof outboxEventTypes)[number];

/** Neither delivered nor parked: an event the delivery still owes TrackLit. */
const awaitingDelivery = and(isNull(outboxEvents.publishedAt), isNull(outboxEvents.parkedAt));

export interface OutboxEventInput {
  readonly type: OutboxEventType;
  readonly athleteId: string;
  /** Sent as `data` next to `athleteId`; ids and small facts, never message bodies. */
  readonly data: Record<string, unknown>;
}

/**
 * Writes an event to the outbox. Call it with the transaction that makes the change the
 * event reports, so the event exists exactly when the change does.
 */
export async function recordOutboxEvent(
  db: AriaDatabase,
  event: OutboxEventInput,
): Promise<OutboxEvent> {
  const [row] = await db
    .insert(outboxEvents)
    .values({ topic: event.type, athleteId: event.athleteId, payload: event.data })
    .returning();
  if (!row) throw new Error('insert into outbox_events returned no row');
  return row;
}

/**
 * Claims the athlete's oldest pending event for `leaseMs` and counts the attempt, when that
 * event is due and nobody else holds it. Undefined otherwise: later events never overtake
 * the oldest one. Of two workers racing, the row lock lets exactly one claim succeed.
 */
export async function claimNextOutboxEvent(
  db: AriaDatabase,
  athleteId: string,
  leaseMs: number,
): Promise<OutboxEvent | undefined> {
  const head = db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.athleteId, athleteId), awaitingDelivery))
    .orderBy(asc(outboxEvents.id))
    .limit(1);
  const [row] = await db
    .update(outboxEvents)
    .set({
      attempts: sql`${outboxEvents.attempts} + 1`,
      lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
    })
    .where(
      and(
        eq(outboxEvents.id, sql`(${head})`),
        awaitingDelivery,
        lte(outboxEvents.availableAt, sql`now()`),
        sql`(${outboxEvents.lockedUntil} IS NULL OR ${outboxEvents.lockedUntil} < now())`,
      ),
    )
    .returning();
  return row;
}

/** When the athlete's oldest pending event may be tried next; undefined when none is pending. */
export async function nextOutboxAttemptAt(
  db: AriaDatabase,
  athleteId: string,
): Promise<Date | undefined> {
  const [row] = await db
    .select({ availableAt: outboxEvents.availableAt, lockedUntil: outboxEvents.lockedUntil })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.athleteId, athleteId), awaitingDelivery))
    .orderBy(asc(outboxEvents.id))
    .limit(1);
  if (!row) return undefined;
  const locked = row.lockedUntil?.getTime() ?? 0;
  return new Date(Math.max(row.availableAt.getTime(), locked));
}

export async function markOutboxEventPublished(db: AriaDatabase, id: number): Promise<void> {
  await db
    .update(outboxEvents)
    .set({ publishedAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(eq(outboxEvents.id, id));
}

/** A failed attempt: retried after `retryInMs`, or parked when `park` (attempts used up). */
export async function markOutboxEventFailed(
  db: AriaDatabase,
  id: number,
  failure: { readonly error: string; readonly retryInMs: number; readonly park: boolean },
): Promise<void> {
  await db
    .update(outboxEvents)
    .set({
      lockedUntil: null,
      lastError: failure.error.slice(0, 1000),
      availableAt: sql`now() + ${failure.retryInMs} * interval '1 millisecond'`,
      parkedAt: failure.park ? sql`now()` : null,
    })
    .where(eq(outboxEvents.id, id));
}

/** Athletes with a pending event due by now (delivery that was never started or was cut short). */
export async function athletesWithDueOutboxEvents(
  db: AriaDatabase,
  limit = 1000,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ athleteId: outboxEvents.athleteId })
    .from(outboxEvents)
    .where(
      and(
        awaitingDelivery,
        lte(outboxEvents.availableAt, sql`now()`),
        sql`(${outboxEvents.lockedUntil} IS NULL OR ${outboxEvents.lockedUntil} < now())`,
      ),
    )
    .limit(limit);
  return rows.map((row) => row.athleteId);
}

export async function listParkedOutboxEvents(
  db: AriaDatabase,
  page: { readonly limit: number; readonly offset: number },
): Promise<OutboxEvent[]> {
  return db
    .select()
    .from(outboxEvents)
    .where(isNotNull(outboxEvents.parkedAt))
    .orderBy(desc(outboxEvents.parkedAt), desc(outboxEvents.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** Puts a parked event back in line with fresh attempts; undefined when no such parked event. */
export async function unparkOutboxEvent(
  db: AriaDatabase,
  eventId: string,
): Promise<OutboxEvent | undefined> {
  const [row] = await db
    .update(outboxEvents)
    .set({ parkedAt: null, attempts: 0, availableAt: sql`now()`, lockedUntil: null })
    .where(and(eq(outboxEvents.eventId, eventId), isNotNull(outboxEvents.parkedAt)))
    .returning();
  return row;
}

/** Counts by delivery state, and the age of the oldest pending event (seconds, 0 when none). */
export async function outboxStats(db: AriaDatabase) {
  const [row] = await db
    .select({
      pending:
        sql<number>`count(*) filter (where ${outboxEvents.publishedAt} is null and ${outboxEvents.parkedAt} is null)`.mapWith(
          Number,
        ),
      parked: sql<number>`count(*) filter (where ${outboxEvents.parkedAt} is not null)`.mapWith(
        Number,
      ),
      oldestPendingSeconds:
        sql<number>`coalesce(extract(epoch from now() - min(${outboxEvents.createdAt}) filter (where ${outboxEvents.publishedAt} is null and ${outboxEvents.parkedAt} is null)), 0)`.mapWith(
          Number,
        ),
    })
    .from(outboxEvents);
  return row ?? { pending: 0, parked: 0, oldestPendingSeconds: 0 };
}

/** Drops delivered events older than `olderThanDays`; the outbox is a queue, not an archive. */
export async function pruneDeliveredOutboxEvents(
  db: AriaDatabase,
  olderThanDays: number,
): Promise<number> {
  const deleted = await db
    .delete(outboxEvents)
    .where(
      and(
        isNotNull(outboxEvents.publishedAt),
        lte(outboxEvents.publishedAt, sql`now() - ${olderThanDays} * interval '1 day'`),
      ),
    )
    .returning({ id: outboxEvents.id });
  return deleted.length;
}
