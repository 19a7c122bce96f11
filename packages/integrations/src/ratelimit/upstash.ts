import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { checkRule, windowedKey } from './rule.js';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from './types.js';

export interface UpstashRateLimiterOptions {
  /** Every Redis key of the limiter starts with `${prefix}:`. */
  readonly prefix: string;
  /**
   * After this many milliseconds without an answer from Redis the call is let through
   * (`@upstash/ratelimit`'s fail-open behaviour) as a `degraded` decision. Default 5000, the
   * library's; 0 waits forever.
   */
  readonly timeoutMs?: number;
}

/**
 * Rate limits in Redis through `@upstash/ratelimit`'s fixed-window algorithm, exact across
 * instances: no ephemeral (in-process) block cache, no analytics.
 *
 * Pinned to @upstash/ratelimit 2.0.8 (pnpm catalog): 2.1+ prefixes its Lua scripts with
 * `#!lua flags=allow-key-locking`, which plain Redis 7 and serverless-redis-http (SRH, our
 * Docker front for Azure Cache for Redis) reject; 2.0.x sends plain scripts.
 */
export function createUpstashRateLimiter(
  redis: Redis,
  options: UpstashRateLimiterOptions,
): RateLimiter {
  // One Ratelimit per distinct rule; all share the prefix, so a key's count does not depend
  // on the limit it is checked against (Redis key: `${prefix}:${window}s:${key}:${window#}`).
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (rule: RateLimitRule): Ratelimit => {
    const id = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = limiters.get(id);
    if (limiter === undefined) {
      limiter = new Ratelimit({
        redis,
        prefix: options.prefix,
        limiter: Ratelimit.fixedWindow(rule.limit, `${rule.windowSeconds} s`),
        ephemeralCache: false,
        analytics: false,
        ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };

  return {
    async limit(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
      checkRule(rule);
      const { success, limit, remaining, reset, reason } = await limiterFor(rule).limit(
        windowedKey(key, rule),
      );
      // On timeout the library answers success with limit 0: a pass, not a decision.
      if (reason === 'timeout') return { success: true, limit, remaining, reset, degraded: true };
      return { success, limit, remaining: Math.max(0, remaining), reset };
    },

    async reset(key, windowSeconds) {
      // Any limiter of the prefix deletes a key's windows; the limit plays no part.
      for (const seconds of windowSeconds) {
        await limiterFor({ limit: 1, windowSeconds: seconds }).resetUsedTokens(
          windowedKey(key, { limit: 1, windowSeconds: seconds }),
        );
      }
    },
  };
}
