import {
  type ApiDeps,
  createApiKeySchema,
  isoInstantSchema,
  listApiKeysSchema,
  revokeApiKeySchema,
} from '@aria/api';
import { createRoute } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import { authedProblems, authenticated, createRestApp, jsonBody, jsonOk } from './openapi.js';
import { apiKeyListSchema, apiKeySchema, issuedApiKeySchema } from './views.js';

const tags = ['API keys'];
const managedWith =
  'Athletes manage their own keys with a JWT (not with an API key); admin and service name ' +
  'the `ownerId`.';

/** JSON has no Date: `expiresAt` arrives as an ISO 8601 string and is read as a Date here. */
const createBody = createApiKeySchema
  .extend({
    expiresAt: isoInstantSchema.optional(),
  })
  .meta({ id: 'ApiKeyCreate' });

const listKeys = createRoute({
  method: 'get',
  path: '/api-keys',
  operationId: 'apiKeys.list',
  summary: "An athlete's API keys, newest first (revoked and expired ones included)",
  description: managedWith,
  tags,
  security: authenticated,
  request: { query: listApiKeysSchema.unwrap() },
  responses: {
    200: jsonOk(apiKeyListSchema, 'The keys (never the keys themselves).'),
    ...authedProblems,
  },
});

const issueKey = createRoute({
  method: 'post',
  path: '/api-keys',
  operationId: 'apiKeys.create',
  summary: 'Issue an API key',
  description: `${managedWith} The key is in this answer only; Aria keeps its hash.`,
  tags,
  security: authenticated,
  request: { body: jsonBody(createBody) },
  responses: { 201: jsonOk(issuedApiKeySchema, 'The new key.'), ...authedProblems },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  operationId: 'apiKeys.revoke',
  summary: 'Revoke an API key (idempotent)',
  description: managedWith,
  tags,
  security: authenticated,
  request: {
    params: revokeApiKeySchema.pick({ id: true }),
    query: revokeApiKeySchema.pick({ ownerId: true }),
  },
  responses: { 200: jsonOk(apiKeySchema, 'The revoked key.'), ...authedProblems },
});

export function apiKeysRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(listKeys, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.apiKeys.list(query)), 200);
    })
    .openapi(issueKey, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.apiKeys.create(input)), 201);
    })
    .openapi(revokeKey, async (c) => {
      const { id } = c.req.valid('param');
      const { ownerId } = c.req.valid('query');
      return c.json(
        await callProcedure(c, deps, (api) => api.apiKeys.revoke({ id, ownerId })),
        200,
      );
    });
}
