export {
  type AriaMetrics,
  type CreateMetricsOptions,
  createMetrics,
  type HttpLabel,
  metricLabels,
  metricNames,
} from './metrics.js';
export type { QueueHealthSample, QueueHealthSource, QueueSample } from './queue-health.js';
