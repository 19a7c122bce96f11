import { Ratelimit } from '@upstash/ratelimit';
import type { Redis } from '@upstash/redis';
import { bindingDecision } from './each.js';
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
 * The fixed window of `@upstash/ratelimit` (INCRBY, PEXPIRE on the first call of a window)
 * over several windows in one step: KEYS are the windows' keys, ARGV their limit and length
 * in ms, in pairs. Stops at the first window over its limit; answers the counts it made.
 */
const LIMIT_EACH = `local counts = {}
for i, key in ipairs(KEYS) do
  local used = redis.call('INCRBY', key, 1)
  if used == 1 then redis.call('PEXPIRE', key, ARGV[2 * i]) end
  counts[i] = used
  if used > tonumber(ARGV[2 * i - 1]) then break end
end
return counts`;

const defaultTimeoutMs = 5_000;

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

  const limitEachScript = redis.createScript<number[]>(LIMIT_EACH);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

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

    // Same keys as `limit` (the library's: `${prefix}:${identifier}:${window number}`), so
    // both count the same calls and `reset` clears both.
    async limitEach(key, rules) {
      if (rules.length === 0) throw new RangeError('limitEach needs at least one rule');
      const at = Date.now();
      const windows = rules.map((rule) => {
        const windowMs = checkRule(rule).windowSeconds * 1_000;
        const number = Math.floor(at / windowMs);
        return { rule, windowMs, reset: (number + 1) * windowMs, number };
      });
      const counted = await withTimeout(
        limitEachScript.exec(
          windows.map(
            ({ rule, number }) => `${options.prefix}:${windowedKey(key, rule)}:${number}`,
          ),
          windows.flatMap(({ rule, windowMs }) => [String(rule.limit), String(windowMs)]),
        ),
        timeoutMs,
      );
      if (counted === undefined)
        return { success: true, limit: 0, remaining: 0, reset: 0, degraded: true };
      return bindingDecision(
        counted.map((used, index) => {
          const window = windows[index];
          if (window === undefined) throw new Error('Redis counted more windows than it was given');
          return {
            success: used <= window.rule.limit,
            limit: window.rule.limit,
            remaining: Math.max(0, window.rule.limit - used),
            reset: window.reset,
          };
        }),
      );
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

/** The answer, or `undefined` when it takes longer than `ms` (0: wait forever). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms === 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
