import { knowledgeArticleInputSchema, knowledgeIdSchema, knowledgeListSchema } from '@aria/api';
import { authedProblems, jsonBody, jsonOk } from './openapi.js';
import { pagedQuery } from './query-number.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { knowledgeArticleSchema, knowledgeDeletedSchema, knowledgePageSchema } from './views.js';

const route = restRoutesTagged('Knowledge');
const articleParams = knowledgeIdSchema;
const articleInput = jsonBody(knowledgeArticleInputSchema.meta({ id: 'KnowledgeArticleInput' }));
const adminOnly = 'Admin and service only.';

export const knowledgeRoutes: RestRoute[] = [
  route(
    {
      method: 'get',
      path: '/knowledge',
      operationId: 'knowledge.list',
      summary: 'List knowledge articles, or search them with `q` (best match first)',
      request: { query: pagedQuery(knowledgeListSchema.unwrap().shape) },
      responses: { 200: jsonOk(knowledgePageSchema, 'A page of articles.'), ...authedProblems },
    },
    { procedure: (api) => api.knowledge.list, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'get',
      path: '/knowledge/{id}',
      operationId: 'knowledge.get',
      summary: 'Read a knowledge article',
      request: { params: articleParams },
      responses: { 200: jsonOk(knowledgeArticleSchema, 'The article.'), ...authedProblems },
    },
    { procedure: (api) => api.knowledge.get, input: (req) => req.valid('param') },
  ),
  route(
    {
      method: 'post',
      path: '/knowledge',
      operationId: 'knowledge.create',
      summary: 'Add a knowledge article',
      description: adminOnly,
      request: { body: articleInput },
      responses: { 201: jsonOk(knowledgeArticleSchema, 'The new article.'), ...authedProblems },
    },
    { procedure: (api) => api.knowledge.create, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'put',
      path: '/knowledge/{id}',
      operationId: 'knowledge.update',
      summary: 'Replace a knowledge article',
      description: adminOnly,
      request: { params: articleParams, body: articleInput },
      responses: { 200: jsonOk(knowledgeArticleSchema, 'The article.'), ...authedProblems },
    },
    {
      procedure: (api) => api.knowledge.update,
      input: (req) => ({ ...req.valid('json'), id: req.valid('param').id }),
    },
  ),
  route(
    {
      method: 'delete',
      path: '/knowledge/{id}',
      operationId: 'knowledge.delete',
      summary: 'Delete a knowledge article',
      description: adminOnly,
      request: { params: articleParams },
      responses: {
        200: jsonOk(knowledgeDeletedSchema, 'The article is gone.'),
        ...authedProblems,
      },
    },
    { procedure: (api) => api.knowledge.delete, input: (req) => req.valid('param') },
  ),
];
