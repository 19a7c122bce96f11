import { AppError, type ErrorCode, type ProblemIssue, toProblem } from '@aria/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.js';

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'QUOTA_EXCEEDED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  504: 'TIMEOUT',
};

export function problemResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  detail?: string,
  extra: {
    issues?: readonly ProblemIssue[] | undefined;
    reason?: string | undefined;
    headers?: Readonly<Record<string, string>> | undefined;
  } = {},
): Response {
  const problem = toProblem({
    code,
    detail,
    requestId: c.get('requestId'),
    issues: extra.issues,
    reason: extra.reason,
  });
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    ...extra.headers,
    'Content-Type': 'application/problem+json',
  });
}

/** Every failure leaves as the contract problem; unknown errors never show their message. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) {
    return problemResponse(c, error.code, error.detail, error.options);
  }
  if (error instanceof HTTPException) {
    const code = codeForStatus[error.status] ?? 'INTERNAL';
    return problemResponse(c, code, code === 'INTERNAL' ? undefined : error.message || undefined);
  }
  c.get('logger').error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
  return problemResponse(c, 'INTERNAL');
}

export function handleNotFound(c: Context<AppEnv>): Response {
  return problemResponse(c, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`);
}
