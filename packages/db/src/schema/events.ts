import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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

/** Transactional outbox: events written with their change, published later (e.g. to TrackLit). */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    topic: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz().defaultNow().notNull(),
    availableAt: timestamptz().defaultNow().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    publishedAt: timestamptz(),
  },
  (table) => [
    index('outbox_events_unpublished_idx')
      .on(table.availableAt, table.id)
      .where(sql`${table.publishedAt} IS NULL`),
  ],
);

export type ProcessedWebhookEvent = typeof processedWebhookEvents.$inferSelect;
export type ParkedWebhookDelivery = typeof parkedWebhookDeliveries.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type NewOutboxEvent = typeof outboxEvents.$inferInsert;
