import type { Config } from '@aria/config';
import { httpInstrumentationMiddleware } from '@hono/otel';
import { trace } from '@opentelemetry/api';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { routeLabel } from './route-label.js';

/**
 * The HTTP server span (`GET /v1/athletes/:id`): `@hono/otel`, which continues an incoming
 * W3C `traceparent` and names the span after the matched route. With no tracer provider
 * registered it records nothing. It runs before the request id exists, so
 * `annotateServerSpan` adds that.
 */
export function httpServerSpans(config: Pick<Config, 'telemetry'>, trpcEndpoint: string) {
  return httpInstrumentationMiddleware({
    serviceName: config.telemetry.serviceName,
    serviceVersion: config.telemetry.serviceVersion,
    // Same names as the metrics' route label (`GET /trpc/athletes.get`); set again at the end.
    spanNameFactory: (c) => `${c.req.method} ${routeLabel(c, trpcEndpoint)}`,
    // Its OpenTelemetry metrics would duplicate the Prometheus ones (metrics.ts).
    captureActiveRequests: false,
  });
}

/** Adds the request id and the caller (once authentication named one) to the server span. */
export function annotateServerSpan() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const span = trace.getActiveSpan();
    span?.setAttribute('aria.request_id', c.get('requestId'));
    await next();
    const userId = c.get('userId');
    if (span && userId) span.setAttribute('enduser.id', userId);
  });
}
