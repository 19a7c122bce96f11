import { type ApiDeps, appRouter, createCallerFactory } from '@aria/api';
import { getProcedureAtPath } from '@trpc/server/unstable-core-do-not-import';
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
export function callProcedure<T>(
  c: Context<AppEnv>,
  deps: ApiDeps,
  run: (caller: ProcedureCaller) => Promise<T>,
  /** Also stops the work (the SSE route aborts it when the event stream is cancelled). */
  alsoStop?: AbortSignal,
): Promise<T> {
  return withProcedureContext(c, deps, alsoStop, (ctx, signal) =>
    run(createCaller(ctx, signal ? { signal } : {})),
  );
}

/** The dotted path of the procedure `select` picks from a caller, e.g. `billing.tiers`. */
export function procedurePathOf(select: (caller: ProcedureCaller) => unknown): string {
  const path: string[] = [];
  const recorder: unknown = new Proxy(
    {},
    {
      get(_target, name) {
        path.push(String(name));
        return recorder;
      },
    },
  );
  select(recorder as ProcedureCaller);
  return path.join('.');
}

/**
 * `callProcedure` for one procedure known by its path (`procedurePathOf`): what the caller
 * does for `caller.billing.tiers(input)`, without building its proxies on every request.
 */
export async function callProcedureAt(
  c: Context<AppEnv>,
  deps: ApiDeps,
  path: string,
  input: unknown,
): Promise<unknown> {
  const procedure = await getProcedureAtPath(appRouter, path);
  if (!procedure) throw new Error(`no procedure at ${path}`);
  return withProcedureContext(c, deps, undefined, (ctx, signal) =>
    procedure({
      path,
      getRawInput: async () => input,
      ctx,
      type: procedure._def.type,
      signal,
      batchIndex: 0,
    }),
  );
}

async function withProcedureContext<T>(
  c: Context<AppEnv>,
  deps: ApiDeps,
  alsoStop: AbortSignal | undefined,
  run: (ctx: ReturnType<typeof procedureContext>, signal: AbortSignal | undefined) => Promise<T>,
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
    return await run(ctx, signal);
  } finally {
    resHeaders.forEach((value, name) => {
      c.header(name, value);
    });
  }
}
