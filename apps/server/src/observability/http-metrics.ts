import type { AriaMetrics } from '@aria/metrics';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { denialsIn } from './denials.js';
import { methodLabel, routeLabel } from './route-label.js';

/**
 * Request count, latency histogram and in-flight gauge by method, route template and
 * status, plus metering denials read from the answered problem codes. Mounted right after
 * the request id, so it sees every response, errors and 404s included.
 */
export function httpMetrics(metrics: AriaMetrics, trpcEndpoint: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    metrics.httpRequestsInFlight.inc();
    try {
      await next();
    } finally {
      metrics.httpRequestsInFlight.dec();
    }
    const route = routeLabel(c, trpcEndpoint);
    const labels = { method: methodLabel(c.req.method), route, status: String(c.res.status) };
    stopTimer(labels);
    metrics.httpRequests.inc(labels);
    for (const code of await denialsIn(c.res)) metrics.meteringDenials.inc({ code, route });
  });
}
