import { errorStatus, isErrorCode } from '@aria/core';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { validationHook } from './errors.js';

/** One resource's routes; every REST app validates with the same hook. */
export function createRestApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const bearerAuth = 'bearerAuth';
export const apiKeyAuth = 'apiKeyAuth';

/** Who may call: a TrackLit JWT, an Aria API key, or the internal service key. */
export const authenticated: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyAuth: [] }];

export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', bearerAuth, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A TrackLit JWT: `sub` is the user id, `role` is athlete, coach or admin.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', apiKeyAuth, {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'An Aria API key (`aria_sk_…`), or the internal key for the service role.',
  });
}

/** Dates leave the API as ISO 8601 strings (JSON serialises Date that way). */
export const dateTime = z.iso.datetime();

const errorCodes = Object.keys(errorStatus).filter(isErrorCode);

export const problemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:aria:problem:not-found' }),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(errorCodes),
    detail: z.string(),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    reason: z.string().optional(),
    tier: z.string().optional().meta({ description: 'QUOTA_EXCEEDED: the tier.' }),
    usage: z.number().int().optional().meta({ description: 'QUOTA_EXCEEDED: calls used.' }),
    limit: z.number().int().optional().meta({ description: 'QUOTA_EXCEEDED: monthly limit.' }),
    retryAfter: z.number().int().optional().meta({ description: 'RATE_LIMITED: seconds to wait.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `code` is stable.' });

const intHeader = (description: string) => ({ schema: { type: 'integer' as const }, description });

/** Rate-limit headers, sent to rate-limited callers (all but service and admin). */
export const rateLimitHeaders = {
  'X-RateLimit-Limit': intHeader('Calls allowed in the current window.'),
  'X-RateLimit-Remaining': intHeader('Calls left in the current window.'),
  'X-RateLimit-Reset': intHeader('Seconds until the window resets.'),
};

const problemDescriptions = {
  400: 'The input is not valid (`BAD_REQUEST`, with `issues`).',
  401: 'Credentials are missing or not valid (`UNAUTHORIZED`, with `reason`).',
  402: 'The monthly quota is spent (`QUOTA_EXCEEDED`).',
  403: 'The caller may not do this (`FORBIDDEN`).',
  404: 'No such resource, or not one the caller may see (`NOT_FOUND`).',
  409: 'The resource exists already (`CONFLICT`).',
  429: 'Too many calls (`RATE_LIMITED`); see `Retry-After`.',
} as const;

type ProblemStatus = keyof typeof problemDescriptions;

/** A documented problem answer that says when a route gives it. */
export function problemWhen(description: string) {
  return { description, content: { 'application/problem+json': { schema: problemSchema } } };
}

/** The documented problem answer for one status. */
export function problemAnswer(status: ProblemStatus) {
  return {
    ...problemWhen(problemDescriptions[status]),
    ...(status === 429
      ? { headers: { ...rateLimitHeaders, 'Retry-After': intHeader('Seconds to wait.') } }
      : {}),
  };
}

/** The problem answers every authenticated route may give. */
export const authedProblems = {
  400: problemAnswer(400),
  401: problemAnswer(401),
  403: problemAnswer(403),
  404: problemAnswer(404),
  429: problemAnswer(429),
};

/** The description of a route that acts for the caller or for an athlete it names. */
export const actsForAthlete =
  'Acts for the caller; a coach (read only), admin or the service names `athleteId`.';

/** A JSON success answer of an authenticated route. */
export function jsonOk<S extends z.ZodType>(schema: S, description: string) {
  return { description, headers: rateLimitHeaders, content: { 'application/json': { schema } } };
}

/** A JSON request body, required, validated by the procedure's own input schema. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } };
}
