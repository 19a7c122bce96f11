import type { RequestIdentity } from '@aria/api';
import type { Logger } from './logger.js';

/** Per-request values that middleware puts on the Hono context. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by authentication (a later middleware) so the request log can name the caller. */
    userId?: string;
    /** The request's caller, authenticated once (see `requestIdentity`). */
    identify?: RequestIdentity;
  };
}
