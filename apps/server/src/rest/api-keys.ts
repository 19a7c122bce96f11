import {
  createApiKeySchema,
  isoInstantSchema,
  listApiKeysSchema,
  revokeApiKeySchema,
} from '@aria/api';
import { authedProblems, jsonBody, jsonOk } from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { apiKeyListSchema, apiKeySchema, issuedApiKeySchema } from './views.js';

const route = restRoutesTagged('API keys');
const managedWith =
  'Athletes manage their own keys with a JWT (not with an API key); admin and service name ' +
  'the `ownerId`.';

/** JSON has no Date: `expiresAt` arrives as an ISO 8601 string and is read as a Date here. */
const createBody = createApiKeySchema
  .extend({
    expiresAt: isoInstantSchema.optional(),
  })
  .meta({ id: 'ApiKeyCreate' });

export const apiKeysRoutes: RestRoute[] = [
  route(
    {
      method: 'get',
      path: '/api-keys',
      operationId: 'apiKeys.list',
      summary: "An athlete's API keys, newest first (revoked and expired ones included)",
      description: managedWith,
      request: { query: listApiKeysSchema.unwrap() },
      responses: {
        200: jsonOk(apiKeyListSchema, 'The keys (never the keys themselves).'),
        ...authedProblems,
      },
    },
    { procedure: (api) => api.apiKeys.list, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'post',
      path: '/api-keys',
      operationId: 'apiKeys.create',
      summary: 'Issue an API key',
      description: `${managedWith} The key is in this answer only; Aria keeps its hash.`,
      request: { body: jsonBody(createBody) },
      responses: { 201: jsonOk(issuedApiKeySchema, 'The new key.'), ...authedProblems },
    },
    { procedure: (api) => api.apiKeys.create, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'delete',
      path: '/api-keys/{id}',
      operationId: 'apiKeys.revoke',
      summary: 'Revoke an API key (idempotent)',
      description: managedWith,
      request: {
        params: revokeApiKeySchema.pick({ id: true }),
        query: revokeApiKeySchema.pick({ ownerId: true }),
      },
      responses: { 200: jsonOk(apiKeySchema, 'The revoked key.'), ...authedProblems },
    },
    {
      procedure: (api) => api.apiKeys.revoke,
      input: (req) => ({ id: req.valid('param').id, ownerId: req.valid('query').ownerId }),
    },
  ),
];
