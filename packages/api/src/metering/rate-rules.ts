import { type RateBucket, type Tier, tierTable } from '@aria/core';
import type { RateLimitRule } from './types.js';

/** The tier table's limits for one bucket: per minute, then per hour where the table has one. */
export function rateRulesFor(tier: Tier, bucket: RateBucket): RateLimitRule[] {
  const limits = tierTable[tier];
  const rules: RateLimitRule[] = [{ limit: limits.perMinute[bucket], windowSeconds: 60 }];
  const hourly = limits.perHour[bucket];
  if (hourly !== undefined) rules.push({ limit: hourly, windowSeconds: 3_600 });
  return rules;
}
