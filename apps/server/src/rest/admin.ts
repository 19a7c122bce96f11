import {
  type ApiDeps,
  adminAthleteSchema,
  adminPageSchema,
  replayDeadJobSchema,
  replayEventSchema,
  revokeTokenSchema,
  revokeUserTokensSchema,
} from '@aria/api';
import { createRoute, z } from '@hono/zod-openapi';
import {
  adminDoneSchema,
  auditLogSchema,
  jobsSchema,
  parkedEventsSchema,
  parkedWebhooksSchema,
  replayedSchema,
} from './admin-views.js';
import { callProcedure } from './call.js';
import { authedProblems, authenticated, createRestApp, jsonBody, jsonOk } from './openapi.js';
import { queryNumber } from './query-number.js';

const tags = ['Admin'];
const pageShape = adminPageSchema.unwrap().shape;
const page = z.object({
  limit: queryNumber(pageShape.limit),
  offset: queryNumber(pageShape.offset),
});

const route = <const R extends Parameters<typeof createRoute>[0]>(definition: R) =>
  createRoute({ ...definition, tags, security: authenticated });

const parkedEvents = route({
  method: 'get',
  path: '/admin/events/parked',
  operationId: 'admin.parkedEvents',
  summary: 'Outbound events parked after their last attempt, with the last error',
  request: { query: page },
  responses: { 200: jsonOk(parkedEventsSchema, 'Parked events, newest first.'), ...authedProblems },
});
const replayEvent = route({
  method: 'post',
  path: '/admin/events/{eventId}/replay',
  operationId: 'admin.replayEvent',
  summary: 'Send a parked event again (same id, fresh attempts)',
  request: { params: replayEventSchema },
  responses: { 200: jsonOk(replayedSchema, 'Back in line.'), ...authedProblems },
});
const jobs = route({
  method: 'get',
  path: '/admin/jobs',
  operationId: 'admin.jobs',
  summary: 'Background queues (queued, active, retrying, dead, oldest age), dead jobs, the outbox',
  responses: { 200: jsonOk(jobsSchema, 'Job state.'), ...authedProblems },
});
const replayDeadJob = route({
  method: 'post',
  path: '/admin/jobs/dead/{id}/replay',
  operationId: 'admin.replayDeadJob',
  summary: 'Run a dead job again with fresh attempts',
  request: { params: replayDeadJobSchema },
  responses: { 200: jsonOk(replayedSchema, 'Queued again.'), ...authedProblems },
});
const parkedWebhooks = route({
  method: 'get',
  path: '/admin/webhooks/parked',
  operationId: 'admin.parkedWebhooks',
  summary: 'Inbound webhook deliveries that verified but could not be used',
  request: { query: page },
  responses: { 200: jsonOk(parkedWebhooksSchema, 'Parked deliveries.'), ...authedProblems },
});
const resetRateLimits = route({
  method: 'post',
  path: '/admin/athletes/{athleteId}/rate-limits/reset',
  operationId: 'admin.resetRateLimits',
  summary: "Forget an athlete's counted calls in every rate window",
  request: { params: adminAthleteSchema },
  responses: { 200: jsonOk(adminDoneSchema, 'Reset.'), ...authedProblems },
});
const clearCaches = route({
  method: 'post',
  path: '/admin/caches/clear',
  operationId: 'admin.clearCaches',
  summary: 'Clear the read-through caches',
  responses: { 200: jsonOk(adminDoneSchema, 'Cleared.'), ...authedProblems },
});
const revokeToken = route({
  method: 'post',
  path: '/admin/tokens/revoke',
  operationId: 'admin.revokeToken',
  summary: 'Refuse one token (user and jti) until it expires',
  request: { body: jsonBody(revokeTokenSchema) },
  responses: { 200: jsonOk(adminDoneSchema, 'Revoked.'), ...authedProblems },
});
const revokeUserTokens = route({
  method: 'post',
  path: '/admin/users/{userId}/tokens/revoke',
  operationId: 'admin.revokeUserTokens',
  summary: 'Refuse every token of a user issued until now',
  request: { params: revokeUserTokensSchema },
  responses: { 200: jsonOk(adminDoneSchema, 'Revoked.'), ...authedProblems },
});
const auditLog = route({
  method: 'get',
  path: '/admin/audit-log',
  operationId: 'admin.auditLog',
  summary: 'Operator actions: who did what, to what, and when',
  request: { query: page },
  responses: { 200: jsonOk(auditLogSchema, 'Newest first.'), ...authedProblems },
});

/** `/v1/admin/*`: the operator tools (admin role), over the `admin.*` procedures. */
export function adminRoutes(deps: ApiDeps) {
  return createRestApp()
    .openapi(parkedEvents, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.parkedEvents(c.req.valid('query'))),
        200,
      ),
    )
    .openapi(replayEvent, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.replayEvent(c.req.valid('param'))),
        200,
      ),
    )
    .openapi(jobs, async (c) =>
      c.json(await callProcedure(c, deps, (api) => api.admin.jobs()), 200),
    )
    .openapi(replayDeadJob, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.replayDeadJob(c.req.valid('param'))),
        200,
      ),
    )
    .openapi(parkedWebhooks, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.parkedWebhooks(c.req.valid('query'))),
        200,
      ),
    )
    .openapi(resetRateLimits, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.resetRateLimits(c.req.valid('param'))),
        200,
      ),
    )
    .openapi(clearCaches, async (c) =>
      c.json(await callProcedure(c, deps, (api) => api.admin.clearCaches()), 200),
    )
    .openapi(revokeToken, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.revokeToken(c.req.valid('json'))),
        200,
      ),
    )
    .openapi(revokeUserTokens, async (c) =>
      c.json(
        await callProcedure(c, deps, (api) => api.admin.revokeUserTokens(c.req.valid('param'))),
        200,
      ),
    )
    .openapi(auditLog, async (c) =>
      c.json(await callProcedure(c, deps, (api) => api.admin.auditLog(c.req.valid('query'))), 200),
    );
}
