export { createRateLimiter, type RateLimiterOptions, type RateLimiterStore } from './create.js';
export { bindingDecision, limitEachInTurn } from './each.js';
export { createMemoryRateLimiter } from './memory.js';
export type { RateLimitDecision, RateLimiter, RateLimitRule } from './types.js';
export { createUpstashRateLimiter, type UpstashRateLimiterOptions } from './upstash.js';
