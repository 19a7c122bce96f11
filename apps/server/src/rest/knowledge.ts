import {
  type ApiDeps,
  knowledgeArticleInputSchema,
  knowledgeIdSchema,
  knowledgeListSchema,
} from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import { authedProblems, authenticated, createRestApp, jsonBody, jsonOk } from './openapi.js';
import { knowledgeArticleSchema, knowledgeDeletedSchema, knowledgePageSchema } from './views.js';

const tags = ['Knowledge'];

/**
 * Query strings are text: a number is coerced here, at the REST edge, then checked by the
 * procedure's own schema (its bounds and default also end up in the OpenAPI document).
 */
function queryNumber<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    schema,
  );
}

const listShape = knowledgeListSchema.unwrap().shape;
const listQuery = z.object({
  q: listShape.q,
  limit: queryNumber(listShape.limit),
  offset: queryNumber(listShape.offset),
});

const articleParams = knowledgeIdSchema;
const articleInput = jsonBody(knowledgeArticleInputSchema.meta({ id: 'KnowledgeArticleInput' }));
const adminOnly = 'Admin and service only.';

const listArticles = createRoute({
  method: 'get',
  path: '/knowledge',
  operationId: 'knowledge.list',
  summary: 'List knowledge articles, or search them with `q` (best match first)',
  tags,
  security: authenticated,
  request: { query: listQuery },
  responses: { 200: jsonOk(knowledgePageSchema, 'A page of articles.'), ...authedProblems },
});

const getArticle = createRoute({
  method: 'get',
  path: '/knowledge/{id}',
  operationId: 'knowledge.get',
  summary: 'Read a knowledge article',
  tags,
  security: authenticated,
  request: { params: articleParams },
  responses: { 200: jsonOk(knowledgeArticleSchema, 'The article.'), ...authedProblems },
});

const createArticle = createRoute({
  method: 'post',
  path: '/knowledge',
  operationId: 'knowledge.create',
  summary: 'Add a knowledge article',
  description: adminOnly,
  tags,
  security: authenticated,
  request: { body: articleInput },
  responses: { 201: jsonOk(knowledgeArticleSchema, 'The new article.'), ...authedProblems },
});

const replaceArticle = createRoute({
  method: 'put',
  path: '/knowledge/{id}',
  operationId: 'knowledge.update',
  summary: 'Replace a knowledge article',
  description: adminOnly,
  tags,
  security: authenticated,
  request: { params: articleParams, body: articleInput },
  responses: { 200: jsonOk(knowledgeArticleSchema, 'The article.'), ...authedProblems },
});

const deleteArticle = createRoute({
  method: 'delete',
  path: '/knowledge/{id}',
  operationId: 'knowledge.delete',
  summary: 'Delete a knowledge article',
  description: adminOnly,
  tags,
  security: authenticated,
  request: { params: articleParams },
  responses: { 200: jsonOk(knowledgeDeletedSchema, 'The article is gone.'), ...authedProblems },
});

export function knowledgeRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(listArticles, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.knowledge.list(query)), 200);
    })
    .openapi(getArticle, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await callProcedure(c, deps, (api) => api.knowledge.get({ id })), 200);
    })
    .openapi(createArticle, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.knowledge.create(input)), 201);
    })
    .openapi(replaceArticle, async (c) => {
      const { id } = c.req.valid('param');
      const article = c.req.valid('json');
      const updated = await callProcedure(c, deps, (api) =>
        api.knowledge.update({ ...article, id }),
      );
      return c.json(updated, 200);
    })
    .openapi(deleteArticle, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await callProcedure(c, deps, (api) => api.knowledge.delete({ id })), 200);
    });
}
