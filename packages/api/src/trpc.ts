import { AppError } from '@aria/core';
import { initTRPC } from '@trpc/server';
import type { Context } from './context.js';
import { problemFromTrpcError, toTrpcError } from './errors.js';
import { wireTransformer } from './wire-transformer.js';

const t = initTRPC.context<Context>().create({
  transformer: wireTransformer,
  errorFormatter({ shape, error, ctx }) {
    const problem = problemFromTrpcError(error, ctx?.requestId ?? 'unknown');
    // The contract shape replaces tRPC's default data (which would carry a stack in dev).
    return { ...shape, message: problem.detail, data: problem };
  },
});

/** Lets procedures and middleware throw AppError and still answer with the right status. */
const mapAppErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    for (const [name, value] of Object.entries(result.error.cause.options.headers ?? {})) {
      ctx.resHeaders.set(name, value);
    }
    throw toTrpcError(result.error.cause);
  }
  return result;
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors);
