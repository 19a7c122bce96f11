import type { AppRouter } from '@aria/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

/** The Aria router, as a type only: the client never loads server code. */
export type { AppRouter } from '@aria/api';

/** Inputs of every procedure, by path: `RouterInputs['athletes']['update']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** Outputs of every procedure, by path: `RouterOutputs['health']['time']` is a `Date`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The one error shape of the API (`packages/core/src/errors.ts`); tRPC carries it in `error.data`. */
export type { ErrorCode, Problem, ProblemIssue } from '@aria/core';
