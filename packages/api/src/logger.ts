import type { MeteredKind, RateBucket, TrackLitContextSkipReason } from '@aria/core';

/**
 * The logger procedures get in their context: the server passes its pino child bound to the
 * request id (pino's Logger satisfies this).
 */
export interface ProcedureLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Process-wide counters the API reports failures to (the server backs them with its
 * Prometheus registry). Each failure is also logged with the request id.
 */
export interface ApiMetrics {
  /** A quota unit could not be given back after the metered work failed. */
  quotaRefundFailed(kind: MeteredKind): void;
  /** The rate limiter could not decide in time (e.g. Redis timed out) and let the call through. */
  rateLimitDegraded(bucket: RateBucket): void;
  /** A question or plan went on without the athlete's TrackLit context. */
  trackLitContextSkipped(reason: TrackLitContextSkipReason): void;
}
