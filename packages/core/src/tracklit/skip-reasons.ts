/**
 * Why a question or a plan went on without the athlete's TrackLit context (the label values
 * of `aria_tracklit_context_skipped_total`; docs/tracklit-context.md):
 * - `timeout`: TrackLit did not answer within TRACKLIT_CONTEXT_TIMEOUT_MS;
 * - `unreachable`: no connection (refused, reset, DNS);
 * - `http_error`: an answer other than 200 or 404;
 * - `invalid_response`: a 200 whose body is not a context (not JSON, wrong shape, too large);
 * - `circuit_open`: not asked, the circuit breaker is open after repeated failures.
 */
export const trackLitContextSkipReasons = [
  'timeout',
  'unreachable',
  'http_error',
  'invalid_response',
  'circuit_open',
] as const;
export type TrackLitContextSkipReason = (typeof trackLitContextSkipReasons)[number];
