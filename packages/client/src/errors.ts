import { isTRPCClientError, type TRPCClientError } from '@trpc/client';
import { isProblem } from './problem-response.js';
import type { AppRouter, ErrorCode, Problem } from './types.js';

/** What a failed call rejects with: tRPC's client error, typed by the Aria router. */
export type AriaClientError = TRPCClientError<AppRouter>;

/** The members a problem of each code always carries, beyond the base shape. */
export interface ProblemMembers {
  /** A paywall's data: the tier, the calls used this month and the limit (-1 unlimited). */
  readonly QUOTA_EXCEEDED: {
    readonly tier: string;
    readonly usage: number;
    readonly limit: number;
  };
  /** Whole seconds to wait before calling again (the `Retry-After` value). */
  readonly RATE_LIMITED: { readonly retryAfter: number };
}

/** The contract problem of one code, e.g. `ProblemOf<'QUOTA_EXCEEDED'>` with tier and limit. */
export type ProblemOf<C extends ErrorCode> = Problem & {
  readonly code: C;
} & (C extends keyof ProblemMembers ? ProblemMembers[C] : unknown);

/** A failed call whose `data` is the contract problem (of code `C`, when one is asked for). */
export type AriaProblemError<C extends ErrorCode = ErrorCode> = AriaClientError & {
  readonly data: ProblemOf<C>;
};

const memberChecks: { readonly [C in keyof ProblemMembers]: (problem: Problem) => boolean } = {
  QUOTA_EXCEEDED: (p) =>
    typeof p.tier === 'string' && typeof p.usage === 'number' && typeof p.limit === 'number',
  RATE_LIMITED: (p) => typeof p.retryAfter === 'number',
};

function hasMembersOf(problem: Problem, code: ErrorCode): boolean {
  const check = (memberChecks as Partial<Record<ErrorCode, (p: Problem) => boolean>>)[code];
  return check ? check(problem) : true;
}

/**
 * The contract problem `{ type, title, status, code, detail, requestId, … }` of a failed
 * call, query, mutation or stream; `undefined` when the server did not answer with one
 * (network failure, a bug in the caller, a runtime that cannot stream, …).
 */
export function problemOf(error: unknown): Problem | undefined {
  return isTRPCClientError(error) && isProblem(error.data) ? error.data : undefined;
}

/**
 * True when `error` is a failed Aria call carrying the contract problem; with a `code`,
 * only for that code, narrowed to what that code carries:
 *
 * ```ts
 * if (isAriaError(error, 'QUOTA_EXCEEDED')) showPaywall(error.data.tier, error.data.limit);
 * if (isAriaError(error, 'RATE_LIMITED')) retryIn(error.data.retryAfter);
 * ```
 */
export function isAriaError(error: unknown): error is AriaProblemError;
export function isAriaError<C extends ErrorCode>(
  error: unknown,
  code: C,
): error is AriaProblemError<C>;
export function isAriaError(error: unknown, code?: ErrorCode): boolean {
  const problem = problemOf(error);
  if (!problem) return false;
  return code === undefined || (problem.code === code && hasMembersOf(problem, code));
}
