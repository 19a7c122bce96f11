import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The one abort signal of a request's work, handed to procedures (and on to the AI
 * provider): the client went away, the request timed out (`requestTimeout`), or shutdown cut
 * it (`Lifecycle.cutWork`). When the server stopped it, the reason is the AppError the caller
 * is answered with. Built on first use, so routes that never ask pay nothing.
 */
export function requestSignal(c: Context<AppEnv>): AbortSignal {
  let signal = c.get('signal');
  if (signal === undefined) {
    signal = AbortSignal.any([c.req.raw.signal, ...(c.get('serverStops')?.() ?? [])]);
    c.set('signal', signal);
  }
  return signal;
}
