import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/** Webhook deliveries already applied; inserted in the same transaction as their effect. */
export const processedWebhookEvents = pgTable(
  'processed_webhook_events',
  {
    /** stripe, terra, tracklit */
    provider: text().notNull(),
    eventId: text().notNull(),
    processedAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [
    primaryKey({ name: 'processed_webhook_events_pk', columns: [table.provider, table.eventId] }),
  ],
);

/**
 * Signed deliveries whose content cannot be applied (a date PostgreSQL cannot hold, an event
 * without an id, a payload the normaliser cannot read): acknowledged to the provider so it
 * stops redelivering, and kept here for an operator. `deliveryId` is the provider's event id,
 * or `sha256:<hex of the body>` when the event has none; `body` is the raw body in base64
 * (it may hold characters a text column cannot).
 */
export const parkedWebhookDeliveries = pgTable(
  'parked_webhook_deliveries',
  {
    /** stripe, terra, tracklit */
    provider: text().notNull(),
    deliveryId: text().notNull(),
    reason: text().notNull(),
    bodyBase64: text().notNull(),
    parkedAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [
    primaryKey({
      name: 'parked_webhook_deliveries_pk',
      columns: [table.provider, table.deliveryId],
    }),
  ],
);

/**
 * Transactional outbox: events written in the same transaction as their change, delivered
 * later (to TrackLit) at least once, one athlete's events in `id` order.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The stable public id the receiver deduplicates on; the same on every attempt. */
    eventId: uuid().defaultRandom().notNull(),
    /** The event type (`plan.generated`, …). */
    topic: text().notNull(),
    /** Whose event it is; delivery keeps each athlete's events in order. No FK: erasure is itself an event. */
    athleteId: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz().defaultNow().notNull(),
    /** Not attempted before this time (backoff after a failed attempt). */
    availableAt: timestamptz().defaultNow().notNull(),
    /** Claims made so far, a claim lost to a crash included. */
    attempts: integer().notNull().default(0),
    /** A worker's claim on the event while it delivers; expired claims are taken over. */
    lockedUntil: timestamptz(),
    lastError: text(),
    publishedAt: timestamptz(),
    /** Set when the receiver kept failing; an operator replays it. Later events go on. */
    parkedAt: timestamptz(),
  },
  (table) => [
    uniqueIndex('outbox_events_event_id_unique').on(table.eventId),
    index('outbox_events_unpublished_idx')
      .on(table.availableAt, table.id)
      .where(sql`${table.publishedAt} IS NULL`),
    index('outbox_events_athlete_pending_idx')
      .on(table.athleteId, table.id)
      .where(sql`${table.publishedAt} IS NULL AND ${table.parkedAt} IS NULL`),
  ],
);

/** What an operator did (admin tools): who, what, to what, and when. */
export const operatorAuditLog = pgTable(
  'operator_audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The operator's user id (or `service`). */
    actorId: text().notNull(),
    action: text().notNull(),
    /** What the action was applied to (an athlete id, an event id, …). */
    target: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [index('operator_audit_log_created_idx').on(table.createdAt)],
);

export type ProcessedWebhookEvent = typeof processedWebhookEvents.$inferSelect;
export type ParkedWebhookDelivery = typeof parkedWebhookDeliveries.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type NewOutboxEvent = typeof outboxEvents.$inferInsert;
export type OperatorAuditEntry = typeof operatorAuditLog.$inferSelect;
