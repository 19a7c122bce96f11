export type { QuotaCharge, QuotaCheck } from './charge-quota.js';
export { checkQuota } from './charge-quota.js';
export { enforceRate, rateLimitedUser } from './enforce-rate.js';
export {
  chargeQuotaWithin,
  type MeteredOptions,
  meter,
  metered,
  meteredWithCharge,
  monthlyQuota,
  rateLimited,
} from './middleware.js';
export { rateLimitHeaders, secondsUntil } from './rate-headers.js';
export { rateRulesFor } from './rate-rules.js';
export {
  type QuotaSubjectContext,
  quotaSubject,
  type TargetAthleteContext,
  targetAthleteId,
} from './target-athlete.js';
export type { RateBucket, RateLimitDecision, RateLimiter, RateLimitRule } from './types.js';
