import { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import type { ServerDeps } from './deps.js';
import { handleError, handleNotFound } from './http-errors.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';
import { requestEnvelope } from './middleware/request-envelope.js';
import {
  type AriaMetrics,
  apiMetrics,
  collectQueueMetrics,
  createMetrics,
  httpServerSpans,
  metricsHandler,
  tracingConfigured,
  trpcProcedureSpans,
  withAiMetrics,
  withCacheMetrics,
} from './observability/index.js';
import { restApi } from './rest/index.js';
import { healthRoutes } from './routes/health.js';
import { trpcEndpoint, trpcRoutes } from './routes/trpc.js';
import { stripeWebhookRoutes } from './routes/webhooks-stripe.js';
import { terraWebhookRoutes } from './routes/webhooks-terra.js';
import { trackLitWebhookRoutes } from './routes/webhooks-tracklit.js';

export interface AppOptions {
  readonly deps: ServerDeps;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
  /** Served at /metrics; main.ts passes the one its database metrics feed, tests get a fresh one. */
  readonly metrics?: AriaMetrics;
  /** `false`: every tRPC call through tRPC's fetch adapter (see routes/trpc.ts). */
  readonly leanTrpcQueries?: boolean;
}

/** Wiring only: middleware order, then the mounted route groups. */
export function createApp({
  deps,
  logger,
  lifecycle,
  metrics = createMetrics(),
  leanTrpcQueries = true,
}: AppOptions) {
  const app = new Hono<AppEnv>();
  const tracing = tracingConfigured(deps.config.telemetry);
  if (tracing) app.use(httpServerSpans(deps.config, trpcEndpoint));
  app.use(
    requestEnvelope({
      lifecycle,
      logger,
      metrics,
      trpcEndpoint,
      corsOrigins: deps.config.server.corsOrigins,
      analysisMaxBytes: deps.config.analysis.maxBytes,
      requestTimeoutMs: deps.config.server.requestTimeoutMs,
    }),
  );

  if (tracing) app.use(`${trpcEndpoint}/*`, trpcProcedureSpans(trpcEndpoint));

  deps.degradation?.subscribe((use, error) => {
    metrics.redisDegraded.inc({ use });
    logger.warn({ use, err: error }, 'Redis unavailable: going on under the outage policy');
  });

  // Procedures see the same store and AI, counted on the way (cache hits, AI latency/tokens).
  const observedDeps: ServerDeps = {
    ...deps,
    kv: withCacheMetrics(deps.kv, metrics),
    ai: withAiMetrics(deps.ai, metrics),
    metrics: apiMetrics(metrics),
  };
  app.route('/health', healthRoutes(deps, lifecycle));
  if (deps.jobs) collectQueueMetrics(metrics, { engine: deps.jobs, db: deps.db, logger });
  app.get('/metrics', metricsHandler(deps.config, metrics));
  app.route(trpcEndpoint, trpcRoutes(observedDeps, { leanQueries: leanTrpcQueries }));
  app.route('/webhooks/stripe', stripeWebhookRoutes(observedDeps));
  app.route('/webhooks/terra', terraWebhookRoutes(observedDeps));
  app.route('/webhooks/tracklit', trackLitWebhookRoutes(observedDeps));
  app.route('/', restApi(observedDeps)); // /v1/* partner REST, public /openapi.json and /docs

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
