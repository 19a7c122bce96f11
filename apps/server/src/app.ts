import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.js';
import type { ServerDeps } from './deps.js';
import { handleError, handleNotFound } from './http-errors.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';
import { corsFromOrigins } from './middleware/cors.js';
import { jsonBodyLimit, requestTimeout } from './middleware/limits.js';
import { requestLog } from './middleware/request-log.js';
import { restApi } from './rest/index.js';
import { healthRoutes } from './routes/health.js';
import { trpcEndpoint, trpcRoutes } from './routes/trpc.js';

export interface AppOptions {
  readonly deps: ServerDeps;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
}

/** Wiring only: middleware order, then the mounted route groups. */
export function createApp({ deps, logger, lifecycle }: AppOptions) {
  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(requestLog(logger));
  app.use(corsFromOrigins(deps.config.server.corsOrigins));
  app.use(secureHeaders());
  app.use(jsonBodyLimit());
  app.use(requestTimeout(deps.config.server.requestTimeoutMs));

  app.route('/health', healthRoutes(deps, lifecycle));
  app.route(trpcEndpoint, trpcRoutes(deps));
  app.route('/', restApi(deps)); // /v1/* partner REST, public /openapi.json and /docs

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
