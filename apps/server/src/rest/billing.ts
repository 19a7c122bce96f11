import type { ApiDeps } from '@aria/api';
import { createRoute } from '@hono/zod-openapi';
import { callProcedure } from './call.js';
import { createRestApp, problemAnswer } from './openapi.js';
import { tiersSchema } from './views.js';

const listTiers = createRoute({
  method: 'get',
  path: '/tiers',
  operationId: 'billing.tiers',
  summary: 'The subscription tiers, their prices and limits',
  description: 'Public: no credentials needed.',
  tags: ['Billing'],
  security: [],
  responses: {
    200: {
      description: 'Every tier.',
      content: { 'application/json': { schema: tiersSchema } },
    },
    429: problemAnswer(429),
  },
});

export function billingRoutes(deps: ApiDeps) {
  return createRestApp().openapi(listTiers, async (c) =>
    c.json(await callProcedure(c, deps, (api) => api.billing.tiers()), 200),
  );
}
