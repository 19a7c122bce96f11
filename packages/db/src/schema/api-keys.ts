import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { timestamptz } from './columns.js';

/** Keys issued by Aria (`aria_sk_…`); only the sha256 hex of the key is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    keyHash: text().notNull().unique('api_keys_key_hash_unique'),
    /** The first characters of the key, shown in listings (`aria_sk_ab12`). */
    start: text().notNull(),
    name: text().notNull(),
    ownerId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    scopes: text().array().notNull().default([]),
    expiresAt: timestamptz(),
    revokedAt: timestamptz(),
    lastUsedAt: timestamptz(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [index('api_keys_owner_idx').on(table.ownerId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
