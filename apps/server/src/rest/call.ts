import { type ApiDeps, appRouter, createCallerFactory } from '@aria/api';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestSignal } from '../request-signal.js';
import { procedureContext } from '../routes/trpc-calls.js';

const createCaller = createCallerFactory(appRouter);

/** The server-side caller of the tRPC router: the same procedures, middleware and checks. */
export type ProcedureCaller = ReturnType<typeof createCaller>;

/**
 * Runs procedures for one REST request with a fresh context, built as the tRPC transport
 * builds it. The headers the procedures set (X-RateLimit-*, Retry-After, X-Subscription-*)
 * are copied onto the response whether the call succeeds or fails; a failure is rethrown
 * for `restErrorHandler`.
 */
export async function callProcedure<T>(
  c: Context<AppEnv>,
  deps: ApiDeps,
  run: (caller: ProcedureCaller) => Promise<T>,
  /** Also stops the work (the SSE route aborts it when the event stream is cancelled). */
  alsoStop?: AbortSignal,
): Promise<T> {
  const resHeaders = new Headers();
  // Reads (GET) run queries, which take no signal (see procedureContext); building one
  // costs more than the read.
  const signal =
    alsoStop !== undefined
      ? AbortSignal.any([requestSignal(c), alsoStop])
      : c.req.method === 'GET'
        ? undefined
        : requestSignal(c);
  const ctx = procedureContext(c, deps, resHeaders, { streamable: true, signal });
  try {
    return await run(createCaller(ctx, signal ? { signal } : {}));
  } finally {
    resHeaders.forEach((value, name) => {
      c.header(name, value);
    });
  }
}
