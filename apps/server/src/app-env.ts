import type { RequestIdentity } from '@aria/api';
import type { Logger } from './logger.js';

/** Per-request values that middleware puts on the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by authentication (a later middleware) so the request log can name the caller. */
    userId?: string;
    /** Signals aborted when the server stops the request's work: its timeout, or shutdown. */
    serverStops?: () => readonly AbortSignal[];
    /** `requestSignal`'s memo. */
    signal?: AbortSignal;
    /** The request's caller, authenticated once (see `requestIdentity`). */
    identify?: RequestIdentity;
  };
}
