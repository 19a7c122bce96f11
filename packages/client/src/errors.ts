import { isTRPCClientError, type TRPCClientError } from '@trpc/client';
import { isProblem, ProblemResponseError } from './problem-response.js';
import type { AppRouter, Problem } from './types.js';

/** What a failed call rejects with: tRPC's client error, typed by the Aria router. */
export type AriaClientError = TRPCClientError<AppRouter>;

/** A failed call whose tRPC answer carried the contract problem in `data`. */
export type AriaProblemError = AriaClientError & { readonly data: Problem };

/**
 * The contract problem `{ type, title, status, code, detail, requestId, issues? }` of a
 * failed call: from tRPC's `error.data`, or from the `application/problem+json` answer of
 * a failure raised before tRPC (body too large, timeout). `undefined` when the server did
 * not answer with a problem (network failure, a bug in the caller, …).
 */
export function problemOf(error: unknown): Problem | undefined {
  if (!isTRPCClientError(error)) return undefined;
  if (isProblem(error.data)) return error.data;
  return error.cause instanceof ProblemResponseError ? error.cause.problem : undefined;
}

/** True when `error` is a tRPC client error whose `data` is the contract problem. */
export function isAriaError(error: unknown): error is AriaProblemError {
  return isTRPCClientError(error) && isProblem(error.data);
}
