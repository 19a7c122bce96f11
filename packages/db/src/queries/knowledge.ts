import { desc, eq, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type KnowledgeArticle, knowledgeArticles } from '../schema/knowledge.js';

export type KnowledgeArticleInput = {
  title: string;
  summary: string;
  tags: string[];
  url?: string | null | undefined;
  body?: string | null | undefined;
};

/** Article columns without the search vector, which is an implementation detail. */
const articleColumns = {
  id: knowledgeArticles.id,
  title: knowledgeArticles.title,
  summary: knowledgeArticles.summary,
  body: knowledgeArticles.body,
  tags: knowledgeArticles.tags,
  url: knowledgeArticles.url,
  createdAt: knowledgeArticles.createdAt,
  updatedAt: knowledgeArticles.updatedAt,
};

export type KnowledgeArticleRow = Omit<KnowledgeArticle, 'searchVector'>;

export async function listKnowledgeArticles(
  db: AriaDatabase,
  page: { limit: number; offset: number },
): Promise<KnowledgeArticleRow[]> {
  return db
    .select(articleColumns)
    .from(knowledgeArticles)
    .orderBy(desc(knowledgeArticles.updatedAt), knowledgeArticles.id)
    .limit(page.limit)
    .offset(page.offset);
}

/** Full-text search (web-search syntax), best match first, with its rank. */
export async function searchKnowledgeArticles(
  db: AriaDatabase,
  query: string,
  page: { limit: number; offset: number },
): Promise<Array<KnowledgeArticleRow & { rank: number }>> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const rank = sql<number>`ts_rank(${knowledgeArticles.searchVector}, ${tsQuery})`;
  return db
    .select({ ...articleColumns, rank })
    .from(knowledgeArticles)
    .where(sql`${knowledgeArticles.searchVector} @@ ${tsQuery}`)
    .orderBy(desc(rank), knowledgeArticles.id)
    .limit(page.limit)
    .offset(page.offset);
}

export async function findKnowledgeArticle(
  db: AriaDatabase,
  id: string,
): Promise<KnowledgeArticleRow | undefined> {
  const [row] = await db
    .select(articleColumns)
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.id, id));
  return row;
}

export async function createKnowledgeArticle(
  db: AriaDatabase,
  input: KnowledgeArticleInput,
): Promise<KnowledgeArticleRow> {
  const [row] = await db.insert(knowledgeArticles).values(input).returning(articleColumns);
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateKnowledgeArticle(
  db: AriaDatabase,
  id: string,
  input: KnowledgeArticleInput,
): Promise<KnowledgeArticleRow | undefined> {
  const [row] = await db
    .update(knowledgeArticles)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(knowledgeArticles.id, id))
    .returning(articleColumns);
  return row;
}

export async function deleteKnowledgeArticle(db: AriaDatabase, id: string): Promise<boolean> {
  const deleted = await db
    .delete(knowledgeArticles)
    .where(eq(knowledgeArticles.id, id))
    .returning({ id: knowledgeArticles.id });
  return deleted.length > 0;
}
