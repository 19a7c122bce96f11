import type { ApiDeps, Context as ProcedureContext } from '@aria/api';
import { AppError } from '@aria/core';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestCredentials, requestIdentity, userIdOf } from '../request-identity.js';

// What both tRPC paths (the fetch adapter and the lean query path) do the same way.

/**
 * The procedures' context for one HTTP request, whichever path serves it (tRPC or REST).
 * `signal` is what stops the request's work (client gone, timeout, shutdown); reads (lean
 * tRPC queries, REST GETs) pass none, because building it costs more than a query: no query
 * calls a provider, and the request timeout answers 504 for them all the same.
 */
export function procedureContext(
  c: Context<AppEnv>,
  deps: ApiDeps,
  resHeaders: Headers,
  transport: { readonly streamable: boolean; readonly signal: AbortSignal | undefined },
): ProcedureContext {
  return {
    requestId: c.get('requestId'),
    deps,
    credentials: requestCredentials(c),
    identifyRequest: requestIdentity(c, deps),
    resHeaders,
    streamable: transport.streamable,
    ...(transport.signal ? { signal: transport.signal } : {}),
    logger: c.get('logger'),
    onIdentified: (identity) => c.set('userId', userIdOf(identity)),
  };
}

/**
 * The error shape carries the problem, not tRPC's httpStatus, and tRPC's JSON-RPC numbers
 * share -32603 for every 5xx: left alone, a 503 NOT_CONFIGURED would answer HTTP 500. When
 * every call of the request failed with one status, that status is the answer's.
 */
export function statusOfFailedCalls(
  errors: readonly TRPCError[],
  callCount: number,
): number | undefined {
  if (errors.length === 0 || errors.length !== callCount) return undefined;
  const statuses = new Set(errors.map((error) => getHTTPStatusCodeFromError(error)));
  const [status] = statuses;
  return statuses.size === 1 ? status : undefined;
}

/**
 * A stream that fails after it started arrives here as INTERNAL even for an AppError the
 * caller is meant to see (AI_UNAVAILABLE, shutdown): only real failures are logged.
 */
export function logProcedureFailure(
  c: Context<AppEnv>,
  error: TRPCError,
  path: string | undefined,
) {
  const shown = error.cause instanceof AppError && error.cause.code !== 'INTERNAL';
  if (error.code === 'INTERNAL_SERVER_ERROR' && !shown) {
    c.get('logger').error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
  }
}
