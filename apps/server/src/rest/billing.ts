import {
  type ApiDeps,
  athleteTargetSchema,
  checkoutSchema,
  portalSchema,
  setTierSchema,
} from '@aria/api';
import { createRoute } from '@hono/zod-openapi';
import {
  billingUsageSchema,
  checkoutSessionSchema,
  portalSessionSchema,
  subscriptionSchema,
} from './billing-views.js';
import { callProcedure } from './call.js';
import {
  authedProblems,
  authenticated,
  createRestApp,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemSchema,
} from './openapi.js';
import { tiersSchema } from './views.js';

const tags = ['Billing'];
const notConfigured = {
  description: 'Stripe is not configured on this server (`NOT_CONFIGURED`).',
  content: { 'application/problem+json': { schema: problemSchema } },
};
const stripeProblems = { ...authedProblems, 409: problemAnswer(409), 503: notConfigured };
const forAthlete =
  'Acts for the caller; a coach (read only), admin or the service names `athleteId`.';
const optionalBody = <S extends Parameters<typeof jsonBody>[0]>(schema: S) => ({
  ...jsonBody(schema),
  required: false,
});

const listTiers = createRoute({
  method: 'get',
  path: '/tiers',
  operationId: 'billing.tiers',
  summary: 'The subscription tiers, their prices and limits',
  description: 'Public: no credentials needed.',
  tags,
  security: [],
  responses: {
    200: {
      description: 'Every tier.',
      content: { 'application/json': { schema: tiersSchema } },
    },
    429: problemAnswer(429),
  },
});

const getSubscription = createRoute({
  method: 'get',
  path: '/billing/subscription',
  operationId: 'billing.subscription',
  summary: 'Tier, status, billing period and what remains of this period’s quotas',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { query: athleteTargetSchema },
  responses: { 200: jsonOk(subscriptionSchema, 'The subscription.'), ...authedProblems },
});

const getUsage = createRoute({
  method: 'get',
  path: '/billing/usage',
  operationId: 'billing.usage',
  summary: 'This quota period’s metered calls, by kind and by day',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { query: athleteTargetSchema },
  responses: { 200: jsonOk(billingUsageSchema, 'The usage.'), ...authedProblems },
});

const checkout = createRoute({
  method: 'post',
  path: '/billing/checkout',
  operationId: 'billing.checkout',
  summary: 'Start an upgrade to pro or star (a Stripe Checkout page)',
  description: `${forAthlete} The same or a lower tier answers \`CONFLICT\`.`,
  tags,
  security: authenticated,
  request: { body: jsonBody(checkoutSchema.meta({ id: 'CheckoutInput' })) },
  responses: {
    201: jsonOk(checkoutSessionSchema, 'Where to send the athlete.'),
    ...stripeProblems,
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/billing/cancel',
  operationId: 'billing.cancel',
  summary: 'Cancel the paid subscription at the end of its period',
  description: `${forAthlete} The tier stays until the period ends, then returns to free.`,
  tags,
  security: authenticated,
  request: { body: optionalBody(athleteTargetSchema.meta({ id: 'AthleteTarget' })) },
  responses: { 200: jsonOk(subscriptionSchema, 'The subscription.'), ...stripeProblems },
});

const portal = createRoute({
  method: 'post',
  path: '/billing/portal',
  operationId: 'billing.portal',
  summary: 'Open the Stripe customer portal (invoices, payment method, plan)',
  description: forAthlete,
  tags,
  security: authenticated,
  request: { body: optionalBody(portalSchema.meta({ id: 'PortalInput' })) },
  responses: { 201: jsonOk(portalSessionSchema, 'The portal page.'), ...stripeProblems },
});

const setTier = createRoute({
  method: 'put',
  path: '/billing/tier',
  operationId: 'billing.setTier',
  summary: 'Set an athlete’s tier directly (admin or service)',
  description:
    'For support cases, TrackLit-managed billing and servers without Stripe. Quotas then ' +
    'follow the calendar month. `CONFLICT` while Stripe bills the athlete.',
  tags,
  security: authenticated,
  request: { body: jsonBody(setTierSchema.meta({ id: 'SetTierInput' })) },
  responses: {
    200: jsonOk(subscriptionSchema, 'The subscription.'),
    ...authedProblems,
    409: problemAnswer(409),
  },
});

export function billingRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(listTiers, async (c) =>
      c.json(await callProcedure(c, deps, (api) => api.billing.tiers()), 200),
    )
    .openapi(getSubscription, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.billing.subscription(query)), 200);
    })
    .openapi(getUsage, async (c) => {
      const query = c.req.valid('query');
      return c.json(await callProcedure(c, deps, (api) => api.billing.usage(query)), 200);
    })
    .openapi(checkout, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.billing.checkout(input)), 201);
    })
    .openapi(cancel, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.billing.cancel(input)), 200);
    })
    .openapi(portal, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.billing.portal(input)), 201);
    })
    .openapi(setTier, async (c) => {
      const input = c.req.valid('json');
      return c.json(await callProcedure(c, deps, (api) => api.billing.setTier(input)), 200);
    });
}
