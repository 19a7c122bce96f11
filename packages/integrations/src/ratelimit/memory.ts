import { limitEachInTurn } from './each.js';
import { checkRule, windowedKey } from './rule.js';
import type { RateLimitDecision, RateLimiter, RateLimitRule } from './types.js';

interface WindowCount {
  count: number;
  /** Epoch milliseconds when this window ends. */
  readonly reset: number;
}

/**
 * The in-process rate limiter of the embedded (no Redis) set-up, with the same fixed-window
 * semantics as the Upstash limiter (`Ratelimit.fixedWindow`): epoch-aligned windows, every call
 * counted, success while the count is at most the limit. Limits hold within this process only.
 *
 * @param now clock in epoch milliseconds; tests move it to cross window boundaries.
 */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, WindowCount>();
  let nextSweep = 0;

  // Expired windows are dropped at most once a second of clock time, so the map stays small.
  const sweep = (at: number) => {
    if (at < nextSweep) return;
    nextSweep = at + 1_000;
    for (const [key, window] of windows) if (window.reset <= at) windows.delete(key);
  };

  const limiter: RateLimiter = {
    async limit(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
      checkRule(rule);
      const at = now();
      sweep(at);
      const windowMs = rule.windowSeconds * 1_000;
      const reset = (Math.floor(at / windowMs) + 1) * windowMs;
      const id = `${windowedKey(key, rule)}:${reset}`;
      const window = windows.get(id) ?? { count: 0, reset };
      window.count += 1;
      windows.set(id, window);
      return {
        success: window.count <= rule.limit,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - window.count),
        reset,
      };
    },

    limitEach: (key, rules) => limitEachInTurn((rule) => limiter.limit(key, rule), rules),

    async reset(key, windowSeconds) {
      const prefixes = windowSeconds.map((seconds) => `${seconds}s:${key}:`);
      for (const id of windows.keys()) {
        if (prefixes.some((prefix) => id.startsWith(prefix))) windows.delete(id);
      }
    },
  };
  return limiter;
}
