import { type SQL, sql } from 'drizzle-orm';
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps, tsvector } from './columns.js';

/**
 * The weighted search document: title (A), summary and tags (B), body (C).
 * `array_to_string` is only STABLE, which Postgres refuses in a generated column, so the
 * tags go through `aria_immutable_array_to_string`, created by the first (custom) migration.
 */
const searchDocument: SQL = sql`setweight(to_tsvector('english', coalesce(title, '')), 'A')
  || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
  || setweight(to_tsvector('english', aria_immutable_array_to_string(tags, ' ')), 'B')
  || setweight(to_tsvector('english', coalesce(body, '')), 'C')`;

export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    summary: text().notNull().default(''),
    body: text(),
    tags: text().array().notNull().default([]),
    url: text(),
    searchVector: tsvector().generatedAlwaysAs(searchDocument),
    ...timestamps,
  },
  (table) => [index('knowledge_articles_search_idx').using('gin', table.searchVector)],
);

export type KnowledgeArticle = typeof knowledgeArticles.$inferSelect;
export type NewKnowledgeArticle = typeof knowledgeArticles.$inferInsert;
