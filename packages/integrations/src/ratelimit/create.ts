import type { MemoryStore } from '../kv/memory.js';
import type { UpstashStore } from '../kv/upstash.js';
import { createMemoryRateLimiter } from './memory.js';
import type { RateLimiter } from './types.js';
import { createUpstashRateLimiter } from './upstash.js';

/** The store chosen at start-up (`createKeyValueStore`); its driver picks the limiter. */
export type RateLimiterStore = Pick<UpstashStore, 'driver' | 'redis'> | Pick<MemoryStore, 'driver'>;

export interface RateLimiterOptions {
  /** Redis key prefix of the Upstash limiter. Default `aria:ratelimit`. */
  readonly prefix?: string;
  /** Clock of the in-process limiter, epoch ms (the Upstash limiter reads `Date.now()`). */
  readonly now?: () => number;
}

/** Upstash (Redis) when the store is Upstash, else the in-process limiter. */
export function createRateLimiter(
  store: RateLimiterStore,
  options: RateLimiterOptions = {},
): RateLimiter {
  return store.driver === 'upstash'
    ? createUpstashRateLimiter(store.redis, { prefix: options.prefix ?? 'aria:ratelimit' })
    : createMemoryRateLimiter(options.now);
}
