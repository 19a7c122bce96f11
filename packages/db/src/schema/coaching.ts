import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { timestamps, timestamptz } from './columns.js';
import { messageRoleEnum } from './enums.js';

export const moodReports = pgTable(
  'mood_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    mood: text().notNull(),
    energy: integer(),
    soreness: integer(),
    note: text(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [index('mood_reports_athlete_created_idx').on(table.athleteId, table.createdAt)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid().primaryKey().defaultRandom(),
    athleteId: text()
      .notNull()
      .references(() => athletes.id, { onDelete: 'cascade' }),
    title: text(),
    ...timestamps,
  },
  (table) => [index('conversations_athlete_updated_idx').on(table.athleteId, table.updatedAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    /**
     * Write order. Timestamps tie (PGlite keeps whole milliseconds) and ids are random, so
     * history is ordered by this sequence, never by time.
     */
    seq: bigint({ mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: messageRoleEnum().notNull(),
    content: text().notNull(),
    /** Which AI answered (`openai`, `builtin`); null for user messages. */
    provider: text(),
    promptTokens: integer(),
    completionTokens: integer(),
    /** An assistant message's structured answer (analysis, recommendation, bibliography). */
    answer: jsonb().$type<Record<string, unknown>>(),
    /** Media type of the image sent with a user message; the image itself is not kept. */
    mediaType: text(),
    createdAt: timestamptz().defaultNow().notNull(),
  },
  (table) => [index('messages_conversation_seq_idx').on(table.conversationId, table.seq)],
);

export type MoodReport = typeof moodReports.$inferSelect;
export type NewMoodReport = typeof moodReports.$inferInsert;
export type Conversation = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
