import {
  adminAthleteSchema,
  adminPageSchema,
  replayDeadJobSchema,
  replayEventSchema,
  revokeTokenSchema,
  revokeUserTokensSchema,
} from '@aria/api';
import {
  adminDoneSchema,
  auditLogSchema,
  jobsSchema,
  parkedEventsSchema,
  parkedWebhooksSchema,
  replayedSchema,
} from './admin-views.js';
import { authedProblems, jsonBody, jsonOk } from './openapi.js';
import { pagedQuery } from './query-number.js';
import { type RestRoute, restRoutesTagged } from './route-table.js';

const route = restRoutesTagged('Admin');
const page = pagedQuery(adminPageSchema.unwrap().shape);

/** `/v1/admin/*`: the operator tools (admin role), over the `admin.*` procedures. */
export const adminRoutes: RestRoute[] = [
  route(
    {
      method: 'get',
      path: '/admin/events/parked',
      operationId: 'admin.parkedEvents',
      summary: 'Outbound events parked after their last attempt, with the last error',
      request: { query: page },
      responses: {
        200: jsonOk(parkedEventsSchema, 'Parked events, newest first.'),
        ...authedProblems,
      },
    },
    { procedure: (api) => api.admin.parkedEvents, input: (req) => req.valid('query') },
  ),
  route(
    {
      method: 'post',
      path: '/admin/events/{eventId}/replay',
      operationId: 'admin.replayEvent',
      summary: 'Send a parked event again (same id, fresh attempts)',
      request: { params: replayEventSchema },
      responses: { 200: jsonOk(replayedSchema, 'Back in line.'), ...authedProblems },
    },
    { procedure: (api) => api.admin.replayEvent, input: (req) => req.valid('param') },
  ),
  route(
    {
      method: 'get',
      path: '/admin/jobs',
      operationId: 'admin.jobs',
      summary:
        'Background queues (queued, active, retrying, dead, oldest age), dead jobs, the outbox',
      responses: { 200: jsonOk(jobsSchema, 'Job state.'), ...authedProblems },
    },
    { procedure: (api) => api.admin.jobs, input: () => undefined },
  ),
  route(
    {
      method: 'post',
      path: '/admin/jobs/dead/{id}/replay',
      operationId: 'admin.replayDeadJob',
      summary: 'Run a dead job again with fresh attempts',
      request: { params: replayDeadJobSchema },
      responses: { 200: jsonOk(replayedSchema, 'Queued again.'), ...authedProblems },
    },
    {
      procedure: (api) => api.admin.replayDeadJob,
      input: (req) => req.valid('param'),
    },
  ),
  route(
    {
      method: 'get',
      path: '/admin/webhooks/parked',
      operationId: 'admin.parkedWebhooks',
      summary: 'Inbound webhook deliveries that verified but could not be used',
      request: { query: page },
      responses: { 200: jsonOk(parkedWebhooksSchema, 'Parked deliveries.'), ...authedProblems },
    },
    {
      procedure: (api) => api.admin.parkedWebhooks,
      input: (req) => req.valid('query'),
    },
  ),
  route(
    {
      method: 'post',
      path: '/admin/athletes/{athleteId}/rate-limits/reset',
      operationId: 'admin.resetRateLimits',
      summary: "Forget an athlete's counted calls in every rate window",
      request: { params: adminAthleteSchema },
      responses: { 200: jsonOk(adminDoneSchema, 'Reset.'), ...authedProblems },
    },
    {
      procedure: (api) => api.admin.resetRateLimits,
      input: (req) => req.valid('param'),
    },
  ),
  route(
    {
      method: 'post',
      path: '/admin/caches/clear',
      operationId: 'admin.clearCaches',
      summary: 'Clear the read-through caches',
      responses: { 200: jsonOk(adminDoneSchema, 'Cleared.'), ...authedProblems },
    },
    { procedure: (api) => api.admin.clearCaches, input: () => undefined },
  ),
  route(
    {
      method: 'post',
      path: '/admin/tokens/revoke',
      operationId: 'admin.revokeToken',
      summary: 'Refuse one token (user and jti) until it expires',
      request: { body: jsonBody(revokeTokenSchema) },
      responses: { 200: jsonOk(adminDoneSchema, 'Revoked.'), ...authedProblems },
    },
    { procedure: (api) => api.admin.revokeToken, input: (req) => req.valid('json') },
  ),
  route(
    {
      method: 'post',
      path: '/admin/users/{userId}/tokens/revoke',
      operationId: 'admin.revokeUserTokens',
      summary: 'Refuse every token of a user issued until now',
      request: { params: revokeUserTokensSchema },
      responses: { 200: jsonOk(adminDoneSchema, 'Revoked.'), ...authedProblems },
    },
    {
      procedure: (api) => api.admin.revokeUserTokens,
      input: (req) => req.valid('param'),
    },
  ),
  route(
    {
      method: 'get',
      path: '/admin/audit-log',
      operationId: 'admin.auditLog',
      summary: 'Operator actions: who did what, to what, and when',
      request: { query: page },
      responses: { 200: jsonOk(auditLogSchema, 'Newest first.'), ...authedProblems },
    },
    { procedure: (api) => api.admin.auditLog, input: (req) => req.valid('query') },
  ),
];
