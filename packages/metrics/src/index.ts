export {
  type AriaMetrics,
  type CreateMetricsOptions,
  createMetrics,
  type HttpLabel,
  metricLabels,
  metricNames,
} from './metrics.js';
