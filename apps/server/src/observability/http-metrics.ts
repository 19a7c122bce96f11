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
  const series = seriesPerLabels(metrics);
  return createMiddleware<AppEnv>(async (c, next) => {
    const startedAt = performance.now();
    metrics.httpRequestsInFlight.inc();
    try {
      await next();
    } finally {
      metrics.httpRequestsInFlight.dec();
    }
    const route = routeLabel(c, trpcEndpoint);
    const { duration, count } = series(methodLabel(c.req.method), route, c.res.status);
    duration.observe((performance.now() - startedAt) / 1000);
    count.inc();
    for (const code of await denialsIn(c.res)) metrics.meteringDenials.inc({ code, route });
  });
}

/**
 * The histogram and counter children of one method, route and status, looked up once:
 * prom-client otherwise sorts and joins the label set on every observation, for each series.
 * Route labels are templates, so the set is small; past `maxLabelSets` nothing is kept.
 */
function seriesPerLabels(metrics: AriaMetrics) {
  const maxLabelSets = 2_000;
  const known = new Map<string, { duration: Observer; count: Incrementer }>();
  return (method: string, route: string, status: number) => {
    const key = `${method} ${route} ${status}`;
    let found = known.get(key);
    if (found === undefined) {
      const labels = { method, route, status: String(status) };
      found = {
        duration: metrics.httpRequestDuration.labels(labels),
        count: metrics.httpRequests.labels(labels),
      };
      if (known.size < maxLabelSets) known.set(key, found);
    }
    return found;
  };
}

interface Observer {
  observe(value: number): void;
}
interface Incrementer {
  inc(): void;
}
