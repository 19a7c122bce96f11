import { problemFromTrpcError, zodIssues } from '@aria/api';
import type { Hook } from '@hono/zod-openapi';
import { TRPCError } from '@trpc/server';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { handleError, problemResponse } from '../http-errors.js';

/** The zod-openapi validation hook: a refused path, query or body is a BAD_REQUEST problem. */
export const validationHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  return problemResponse(c, 'BAD_REQUEST', 'The input is not valid.', {
    issues: zodIssues(result.error),
  });
};

/**
 * Errors of the REST routes: a procedure's TRPCError becomes the contract problem (with the
 * status of its code); anything else (malformed JSON, a 415, a bug) goes to the app's handler.
 */
export function restErrorHandler(error: Error, c: Context<AppEnv>): Response {
  if (!(error instanceof TRPCError)) return handleError(error, c);
  const problem = problemFromTrpcError(error, c.get('requestId'));
  if (problem.code === 'INTERNAL') {
    c.get('logger').error({ err: error.cause ?? error, route: c.req.path }, 'procedure failed');
  }
  return problemResponse(c, problem.code, problem.detail, {
    issues: problem.issues,
    reason: problem.reason,
  });
}
