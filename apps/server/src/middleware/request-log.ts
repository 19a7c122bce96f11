import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import type { Logger } from '../logger.js';

/** One JSON line per request. Never logs headers, tokens or bodies. */
export function requestLog(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const startedAt = performance.now();
    c.set('logger', logger.child({ requestId: c.get('requestId') }));
    await next();
    const status = c.res.status;
    const line = {
      requestId: c.get('requestId'),
      userId: c.get('userId'),
      method: c.req.method,
      route: c.req.routePath,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  });
}
