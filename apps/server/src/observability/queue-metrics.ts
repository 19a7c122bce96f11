import type { AriaDatabase } from '@aria/db';
import { type JobEngine, readQueueHealth } from '@aria/jobs';
import type { AriaMetrics } from '@aria/metrics';
import type { Logger } from '../logger.js';

/** One database read serves every scrape within this window (Prometheus scrapes every 15 s). */
export const queueMetricsCacheMs = 5_000;

/**
 * Fills the job and outbox gauges at scrape time from the shared database. The numbers are
 * the whole fleet's: every API replica and `pnpm worker` share the queues, so a worker, which
 * serves no HTTP, is seen here (each replica reports the same values; rules take the max).
 */
export function collectQueueMetrics(
  metrics: AriaMetrics,
  parts: { readonly engine: JobEngine; readonly db: AriaDatabase; readonly logger: Logger },
): void {
  metrics.collectQueueHealth({
    read: () => readQueueHealth(parts.engine, parts.db),
    cacheMs: queueMetricsCacheMs,
    onError: (error) =>
      parts.logger.warn({ err: error }, 'queue metrics not read: their series are left out'),
  });
}
