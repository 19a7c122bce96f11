import { AppError, type ErrorCode, type Problem, type ProblemIssue, toProblem } from '@aria/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';

const trpcCodeFor: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  QUOTA_EXCEEDED: 'PAYMENT_REQUIRED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  // Node answers it before tRPC runs; no procedure throws it.
  HEADERS_TOO_LARGE: 'BAD_REQUEST',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  AI_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  NOT_CONFIGURED: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'GATEWAY_TIMEOUT',
};

/** tRPC's own failures (bad batch, unknown procedure, …) in the contract's vocabulary. */
const contractCodeFor: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: 'BAD_REQUEST',
  BAD_REQUEST: 'BAD_REQUEST',
  UNPROCESSABLE_CONTENT: 'BAD_REQUEST',
  PRECONDITION_FAILED: 'BAD_REQUEST',
  PRECONDITION_REQUIRED: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  PAYMENT_REQUIRED: 'QUOTA_EXCEEDED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  TIMEOUT: 'TIMEOUT',
  GATEWAY_TIMEOUT: 'TIMEOUT',
};

/** Lets a procedure throw AppError and still answer with the right HTTP status. */
export function toTrpcError(error: AppError): TRPCError {
  return new TRPCError({ code: trpcCodeFor[error.code], message: error.detail, cause: error });
}

export function zodIssues(error: ZodError): ProblemIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The contract problem for any tRPC failure; internals are reduced to a generic detail. */
export function problemFromTrpcError(error: TRPCError, requestId: string): Problem {
  if (error.cause instanceof AppError) {
    return toProblem({
      code: error.cause.code,
      detail: error.cause.detail,
      requestId,
      issues: error.cause.options.issues,
      reason: error.cause.options.reason,
      extensions: error.cause.options.extensions,
    });
  }
  if (error.cause instanceof ZodError) {
    return toProblem({
      code: 'BAD_REQUEST',
      detail: 'The input is not valid.',
      requestId,
      issues: zodIssues(error.cause),
    });
  }
  const code = contractCodeFor[error.code] ?? 'INTERNAL';
  if (code === 'INTERNAL') return toProblem({ code, requestId });
  // tRPC wraps what its parsers threw (JSON.parse, superjson) and repeats their message, which
  // is JavaScript's, not ours ("Cannot read properties of undefined", "Maximum call stack…").
  if (error.cause !== undefined && !(error.cause instanceof TRPCError)) {
    return toProblem({ code, detail: unreadableRequestDetail, requestId });
  }
  return toProblem({ code, detail: error.message, requestId });
}

const unreadableRequestDetail =
  'The request could not be read: its URL encoding, JSON or superjson is malformed.';
