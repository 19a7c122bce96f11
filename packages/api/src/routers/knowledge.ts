import { AppError } from '@aria/core';
import {
  createKnowledgeArticle,
  deleteKnowledgeArticle,
  findKnowledgeArticle,
  listKnowledgeArticles,
  searchKnowledgeArticles,
  updateKnowledgeArticle,
} from '@aria/db';
import {
  invalidateKnowledgeCache,
  knowledgeArticleTtlSeconds,
  knowledgeListTtlSeconds,
  readThrough,
} from '../knowledge-cache.js';
import { authedProcedure, roleProcedure } from '../procedures.js';
import {
  knowledgeArticleInputSchema,
  knowledgeIdSchema,
  knowledgeListSchema,
  knowledgeUpdateSchema,
} from '../schemas/knowledge.js';
import { router } from '../trpc.js';
import { type KnowledgeArticleView, reviveArticleView, toArticleView } from '../views/knowledge.js';
import { meteredCall } from './metered.js';

const notFound = () => new AppError('NOT_FOUND', 'No such knowledge article.');
const adminProcedure = roleProcedure('admin', 'service');

export const knowledgeRouter = router({
  /** Lists articles, or with `q` searches them, best match first. */
  list: authedProcedure
    .input(knowledgeListSchema)
    .use(meteredCall)
    .query(async ({ ctx, input }) => {
      const { q, limit = 20, offset = 0 } = input ?? {};
      const items = await readThrough<KnowledgeArticleView[]>(
        ctx.deps,
        `list:${JSON.stringify([q ?? null, limit, offset])}`,
        knowledgeListTtlSeconds,
        async () =>
          (q
            ? await searchKnowledgeArticles(ctx.deps.db, q, { limit, offset })
            : await listKnowledgeArticles(ctx.deps.db, { limit, offset })
          ).map(toArticleView),
        (cached) => cached.map(reviveArticleView),
      );
      return { items, limit, offset };
    }),

  get: authedProcedure
    .input(knowledgeIdSchema)
    .use(meteredCall)
    .query(async ({ ctx, input }) => {
      const article = await readThrough<KnowledgeArticleView | null>(
        ctx.deps,
        `article:${input.id}`,
        knowledgeArticleTtlSeconds,
        async () => {
          const row = await findKnowledgeArticle(ctx.deps.db, input.id);
          return row ? toArticleView(row) : null;
        },
        (cached) => (cached ? reviveArticleView(cached) : null),
      );
      if (!article) throw notFound();
      return article;
    }),

  create: adminProcedure
    .input(knowledgeArticleInputSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const row = await createKnowledgeArticle(ctx.deps.db, input);
      await invalidateKnowledgeCache(ctx.deps);
      return toArticleView(row);
    }),

  update: adminProcedure
    .input(knowledgeUpdateSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const { id, ...article } = input;
      const row = await updateKnowledgeArticle(ctx.deps.db, id, article);
      if (!row) throw notFound();
      await invalidateKnowledgeCache(ctx.deps);
      return toArticleView(row);
    }),

  delete: adminProcedure
    .input(knowledgeIdSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteKnowledgeArticle(ctx.deps.db, input.id))) throw notFound();
      await invalidateKnowledgeCache(ctx.deps);
      return { id: input.id, deleted: true as const };
    }),
});
