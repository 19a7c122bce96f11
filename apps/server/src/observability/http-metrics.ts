import type { AriaMetrics } from '@aria/metrics';
import type { Context } from 'hono';
import { denialsIn, mayNameDenials } from './denials.js';
import { methodLabel, routeLabel } from './route-label.js';

/**
 * Request count, latency histogram and in-flight gauge by method, route template and
 * status, plus metering denials read from the answered problem codes. `started` when the
 * request arrives, `answered` once its response (error or 404 included) is final.
 */
export function httpMetrics(metrics: AriaMetrics, trpcEndpoint: string) {
  const series = seriesPerLabels(metrics);
  return {
    started(): void {
      metrics.httpRequestsInFlight.inc();
    },
    /** A promise only when the response may name a denial (its body is read). */
    answered(c: Context, seconds: number): Promise<void> | undefined {
      metrics.httpRequestsInFlight.dec();
      const route = routeLabel(c, trpcEndpoint);
      const { duration, count } = series(methodLabel(c.req.method), route, c.res.status);
      duration.observe(seconds);
      count.inc();
      if (!mayNameDenials(c.res)) return undefined;
      return denialsIn(c.res).then((codes) => {
        for (const code of codes) metrics.meteringDenials.inc({ code, route });
      });
    },
  };
}

/**
 * The histogram and counter children of one method, route and status, made once, so a request
 * does not build and resolve a label object for each series (prom-client still checks the
 * labels and joins their values on every observation). Route labels are templates, so the set
 * is small; past `maxLabelSets` nothing is kept.
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
