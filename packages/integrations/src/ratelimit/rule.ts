import type { RateLimitRule } from './types.js';

/** Throws a RangeError for a limit or window the limiters cannot honour exactly. */
export function checkRule(rule: RateLimitRule): RateLimitRule {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 0) {
    throw new RangeError(`rate limit must be a whole number ≥ 0, got ${rule.limit}`);
  }
  if (!Number.isSafeInteger(rule.windowSeconds) || rule.windowSeconds <= 0) {
    throw new RangeError(`rate window must be whole seconds > 0, got ${rule.windowSeconds}`);
  }
  return rule;
}

/** The stored identifier: the window length is part of it, the limit is not. */
export function windowedKey(key: string, rule: RateLimitRule): string {
  return `${rule.windowSeconds}s:${key}`;
}
