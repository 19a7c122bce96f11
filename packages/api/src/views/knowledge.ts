import type { KnowledgeArticleRow } from '@aria/db';

export interface KnowledgeArticleView {
  id: string;
  title: string;
  summary: string;
  body: string | null;
  tags: string[];
  url: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Relevance of a search hit (higher is better); absent when listing. */
  rank?: number;
}

export function toArticleView(row: KnowledgeArticleRow & { rank?: number }): KnowledgeArticleView {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    url: row.url,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.rank === undefined ? {} : { rank: row.rank }),
  };
}

/** Cached articles come back from JSON with ISO dates; this turns them back into Dates. */
export function reviveArticleView(cached: KnowledgeArticleView): KnowledgeArticleView {
  return {
    ...cached,
    createdAt: new Date(cached.createdAt),
    updatedAt: new Date(cached.updatedAt),
  };
}
