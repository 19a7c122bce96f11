import type { Config } from '@aria/config';
import type { DatabaseHandle } from '@aria/db';
import { type AriaMetrics, createMetrics } from '@aria/metrics';
import { instrumentDatabase } from './database.js';
import { startTracing } from './tracing.js';

export interface Observability {
  readonly metrics: AriaMetrics;
  /** `otlp`, `azure-monitor`, both or none (tracing off). */
  readonly tracingExporters: readonly string[];
  /** Database spans and query metrics for the handle the app uses; rejects if it cannot. */
  observeDatabase(handle: DatabaseHandle): Promise<void>;
  /** Flushes pending spans; call last, after the HTTP server and the pools closed. */
  shutdown(): Promise<void>;
}

/** What main.ts starts first: tracing (when configured) and the process's metrics registry. */
export function startObservability(config: Config): Observability {
  const tracing = startTracing(config);
  const metrics = createMetrics({ version: config.telemetry.serviceVersion });
  return {
    metrics,
    tracingExporters: tracing?.exporters ?? [],
    async observeDatabase(handle) {
      await instrumentDatabase(handle, { metrics, poolMax: config.database.poolMax });
    },
    shutdown: async () => {
      await tracing?.shutdown();
    },
  };
}
