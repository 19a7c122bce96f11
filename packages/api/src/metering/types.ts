// The limiter contract lives with its implementations in @aria/integrations.
export type { RateBucket } from '@aria/core';
export type { RateLimitDecision, RateLimiter, RateLimitRule } from '@aria/integrations';
