import {
  type Context as ApiContext,
  type ApiDeps,
  appRouter,
  createCallerFactory,
  credentialsFromHeaders,
} from '@aria/api';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestIdentity, userIdOf } from '../request-identity.js';
import { requestSignal } from '../request-signal.js';

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
  const signal = alsoStop ? AbortSignal.any([requestSignal(c), alsoStop]) : requestSignal(c);
  const ctx: ApiContext = {
    requestId: c.get('requestId'),
    deps,
    credentials: credentialsFromHeaders(c.req.raw.headers),
    identifyRequest: requestIdentity(c, deps),
    resHeaders,
    signal,
    logger: c.get('logger'),
    onIdentified: (identity) => c.set('userId', userIdOf(identity)),
  };
  try {
    return await run(createCaller(ctx, { signal }));
  } finally {
    resHeaders.forEach((value, name) => {
      c.header(name, value);
    });
  }
}
