export { withCacheMetrics } from './cache-metrics.js';
export { instrumentDatabase } from './database.js';
export { httpMetrics } from './http-metrics.js';
export { annotateServerSpan, httpServerSpans } from './http-tracing.js';
export { type AriaMetrics, createMetrics, metricNames } from './metrics.js';
export { metricsHandler } from './metrics-route.js';
export { type Observability, startObservability } from './start.js';
export { startTracing, type Tracing } from './tracing.js';
export { trpcProcedureSpans } from './trpc-spans.js';
