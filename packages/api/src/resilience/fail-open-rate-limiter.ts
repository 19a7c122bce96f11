import { bindingDecision } from '@aria/integrations';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from '../metering/types.js';
import type { Degradation } from './degradation.js';

/**
 * The limiter, failing open: when the store cannot count the call (Redis unreachable, or
 * `@upstash/ratelimit`'s own timeout, which answers success with a limit of 0), the call is
 * allowed with the rule's full limit in the headers, and the degradation is reported.
 */
export function failOpenRateLimiter(
  limiter: RateLimiter,
  degradation: Degradation,
  now: () => number = Date.now,
): RateLimiter {
  const allowed = (rule: RateLimitRule): RateLimitDecision => {
    const windowMs = rule.windowSeconds * 1_000;
    const reset = (Math.floor(now() / windowMs) + 1) * windowMs;
    return { success: true, limit: rule.limit, remaining: rule.limit, reset };
  };
  /** The limiter's decision when it made one; else the call allowed by every rule. */
  const decideOrAllow = async (
    decide: () => Promise<RateLimitDecision>,
    rules: readonly RateLimitRule[],
  ): Promise<RateLimitDecision> => {
    try {
      const decision = await decide();
      if (!decision.degraded && rules.some((rule) => rule.limit === decision.limit)) {
        return decision;
      }
      degradation.report('rate_limit', new Error('the rate limiter timed out'));
    } catch (error) {
      degradation.report('rate_limit', error);
    }
    // As if each rule had let the call through: the tightest window paces the client.
    return bindingDecision(rules.map(allowed));
  };
  return {
    limit: (key, rule) => decideOrAllow(() => limiter.limit(key, rule), [rule]),
    limitEach: (key, rules) => decideOrAllow(() => limiter.limitEach(key, rules), rules),
    reset: (key, windows) => limiter.reset(key, windows),
  };
}
