import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { type Logger, plainInfoLine } from '../logger.js';

/** Gives the request its logger (with its id) before the work starts. */
export function startRequestLog(c: Context<AppEnv>, logger: Logger): void {
  c.set('logger', logger.child({ requestId: c.get('requestId') }));
}

/** One JSON line per answered request. Never logs headers, tokens or bodies. */
export function requestLogger(logger: Logger) {
  const info = plainInfoLine(logger);
  return (c: Context<AppEnv>, durationMs: number): void => {
    const status = c.res.status;
    const line = {
      requestId: c.get('requestId'),
      userId: c.get('userId'),
      method: c.req.method,
      route: c.req.routePath,
      path: c.req.path,
      status,
      durationMs: Math.round(durationMs * 10) / 10,
    };
    if (status >= 500) logger.error(line, 'request failed');
    else info(line, 'request');
  };
}
