import type { ApiMetrics } from '@aria/api';
import type { AriaMetrics } from '@aria/metrics';

/** The API's failure counters, backed by the app's Prometheus registry. */
export function apiMetrics(metrics: AriaMetrics): ApiMetrics {
  return {
    quotaRefundFailed: (kind) => metrics.quotaRefundFailures.inc({ kind }),
    rateLimitDegraded: (bucket) => metrics.rateLimitDegraded.inc({ bucket }),
    trackLitContextSkipped: (reason) => metrics.trackLitContextSkipped.inc({ reason }),
  };
}
