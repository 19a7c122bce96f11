/**
 * The rate-limiter contract the API's metering middleware calls (re-exported by @aria/api).
 */
export interface RateLimitRule {
  /** Calls allowed per window (a whole number ≥ 0). */
  readonly limit: number;
  /** Window length in whole seconds (> 0). */
  readonly windowSeconds: number;
}

export interface RateLimitDecision {
  readonly success: boolean;
  readonly limit: number;
  /** Calls still allowed in this window after this one (never below 0). */
  readonly remaining: number;
  /** Unix time in milliseconds when the window resets. */
  readonly reset: number;
  /**
   * The limiter could not decide (Redis did not answer in time) and let the call through:
   * `limit`, `remaining` and `reset` then mean nothing. Callers log and count it.
   */
  readonly degraded?: true;
}

/**
 * Counts calls per key in fixed windows aligned to the Unix epoch (a 60 s window runs from
 * one whole minute to the next). Every call counts, refused ones too; a call succeeds while
 * the window's count, itself included, is at most `limit`. The count of a key is shared by
 * every limit with the same window length, so a tier change keeps what was already used.
 */
export interface RateLimiter {
  limit(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  /**
   * Counts one call against each rule in order (shortest window first) and stops at the first
   * refusal, so a call the minute refuses does not use up the hour. Answers that refusal, or
   * else the decision with the fewest calls remaining. The Upstash limiter does it in one
   * round trip; the counts are the ones `limit` keeps.
   */
  limitEach(key: string, rules: readonly RateLimitRule[]): Promise<RateLimitDecision>;
  /** Forgets the calls counted for `key` in windows of these lengths (an operator's reset). */
  reset(key: string, windowSeconds: readonly number[]): Promise<void>;
}
