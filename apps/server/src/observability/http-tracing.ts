import type { Config } from '@aria/config';
import { httpInstrumentationMiddleware } from '@hono/otel';
import { trace } from '@opentelemetry/api';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { routeLabel } from './route-label.js';

/**
 * The HTTP server span (`GET /v1/athletes/:id`): `@hono/otel`, which continues an incoming
 * W3C `traceparent` and names the span after the matched route. With no tracer provider
 * registered it records nothing. Mounted before the request envelope, it adds the request id
 * and the caller (once authentication named one) when the answer is ready.
 */
export function httpServerSpans(
  config: Pick<Config, 'telemetry'>,
  trpcEndpoint: string,
): MiddlewareHandler<AppEnv> {
  const serverSpan = httpInstrumentationMiddleware({
    serviceName: config.telemetry.serviceName,
    serviceVersion: config.telemetry.serviceVersion,
    // Same names as the metrics' route label (`GET /trpc/athletes.get`); set again at the end.
    spanNameFactory: (c) => `${c.req.method} ${routeLabel(c, trpcEndpoint)}`,
    // Its OpenTelemetry metrics would duplicate the Prometheus ones (metrics.ts).
    captureActiveRequests: false,
  });
  return (c, next) =>
    serverSpan(c, async () => {
      await next();
      const span = trace.getActiveSpan();
      if (span === undefined) return;
      span.setAttribute('aria.request_id', c.get('requestId'));
      const userId = c.get('userId');
      if (userId) span.setAttribute('enduser.id', userId);
    });
}
