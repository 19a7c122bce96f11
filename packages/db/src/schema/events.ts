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
export type OutboxEvent = typeof outboxEvents.$inferSelect;
export type NewOutboxEvent = typeof outboxEvents.$inferInsert;
