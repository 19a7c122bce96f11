import { athleteTargetSchema, checkoutSchema, portalSchema, setTierSchema } from '@aria/api';
import {
  billingUsageSchema,
  checkoutSessionSchema,
  portalSessionSchema,
  subscriptionSchema,
} from './billing-views.js';
import {
  actsForAthlete,
  authedProblems,
  jsonBody,
  jsonOk,
  problemAnswer,
  problemWhen,
} from './openapi.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';
import { tiersSchema } from './views.js';

const route = restRoutesTagged('Billing');
const stripeProblems = {
  ...authedProblems,
  409: problemAnswer(409),
  503: problemWhen('Stripe is not configured on this server (`NOT_CONFIGURED`).'),
};
const optionalBody = <S extends Parameters<typeof jsonBody>[0]>(schema: S) => ({
  ...jsonBody(schema),
  required: false,
});

export const billingRoutes: RestRoute[] = [
  route(
    {
      method: 'get',
      path: '/tiers',
      operationId: 'billing.tiers',
      summary: 'The subscription tiers, their prices and limits',
      description: 'Public: no credentials needed.',
      security: [],
      responses: {
        200: {
          description: 'Every tier.',
          content: { 'application/json': { schema: tiersSchema } },
        },
        429: problemAnswer(429),
      },
    },
    { procedure: (api) => api.billing.tiers, input: () => undefined },
  ),
  route(
    {
      method: 'get',
      path: '/billing/subscription',
      operationId: 'billing.subscription',
      summary: 'Tier, status, billing period and what remains of this period’s quotas',
      description: actsForAthlete,
      request: { query: athleteTargetSchema },
      responses: { 200: jsonOk(subscriptionSchema, 'The subscription.'), ...authedProblems },
    },
    {
      procedure: (api) => api.billing.subscription,
      input: (req) => req.valid('query'),
    },
  ),
  route(
    {
      method: 'get',
      path: '/billing/usage',
      operationId: 'billing.usage',
      summary: 'This quota period’s metered calls, by kind and by day',
      description: actsForAthlete,
      request: { query: athleteTargetSchema },
      responses: { 200: jsonOk(billingUsageSchema, 'The usage.'), ...authedProblems },
    },
    { procedure: (api) => api.billing.usage, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'post',
      path: '/billing/checkout',
      operationId: 'billing.checkout',
      summary: 'Start an upgrade to pro or star (a Stripe Checkout page)',
      description: `${actsForAthlete} The same or a lower tier answers \`CONFLICT\`.`,
      request: { body: jsonBody(checkoutSchema.meta({ id: 'CheckoutInput' })) },
      responses: {
        201: jsonOk(checkoutSessionSchema, 'Where to send the athlete.'),
        ...stripeProblems,
      },
    },
    { procedure: (api) => api.billing.checkout, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'post',
      path: '/billing/cancel',
      operationId: 'billing.cancel',
      summary: 'Cancel the paid subscription at the end of its period',
      description: `${actsForAthlete} The tier stays until the period ends, then returns to free.`,
      request: { body: optionalBody(athleteTargetSchema.meta({ id: 'AthleteTarget' })) },
      responses: { 200: jsonOk(subscriptionSchema, 'The subscription.'), ...stripeProblems },
    },
    { procedure: (api) => api.billing.cancel, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'post',
      path: '/billing/portal',
      operationId: 'billing.portal',
      summary: 'Open the Stripe customer portal (invoices, payment method, plan)',
      description: actsForAthlete,
      request: { body: optionalBody(portalSchema.meta({ id: 'PortalInput' })) },
      responses: { 201: jsonOk(portalSessionSchema, 'The portal page.'), ...stripeProblems },
    },
    { procedure: (api) => api.billing.portal, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'put',
      path: '/billing/tier',
      operationId: 'billing.setTier',
      summary: 'Set an athlete’s tier directly (admin or service)',
      description:
        'For support cases, TrackLit-managed billing and servers without Stripe. Quotas then ' +
        'follow the calendar month. `CONFLICT` while Stripe bills the athlete.',
      request: { body: jsonBody(setTierSchema.meta({ id: 'SetTierInput' })) },
      responses: {
        200: jsonOk(subscriptionSchema, 'The subscription.'),
        ...authedProblems,
        409: problemAnswer(409),
      },
    },
    { procedure: (api) => api.billing.setTier, input: (req) => req.valid('json') },
  ),
];
