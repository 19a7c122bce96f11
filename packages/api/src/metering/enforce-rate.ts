import { AppError, type RateBucket } from '@aria/core';
import type { Identity } from '../auth/identity.js';
import type { Context } from '../context.js';
import { requireIdentity } from '../procedures.js';
import { rateLimitHeaders, secondsUntil, setHeaders } from './rate-headers.js';
import { rateRulesFor } from './rate-rules.js';
import type { TierOf } from './tier-of.js';

/** The user whose rate a call counts against; service and admin calls are not rate limited. */
export function rateLimitedUser(identity: Identity): string | undefined {
  if (identity.kind === 'service' || identity.role === 'admin') return undefined;
  return identity.userId;
}

/**
 * Counts the call against the caller's per-minute (and, where the tier has one, per-hour)
 * limit of `bucket` at the caller's own tier, and sets `X-RateLimit-*` on the response.
 * Throws RATE_LIMITED (429, `Retry-After`) when a window is spent. Writes nothing to the
 * database. When the limiter cannot decide (Redis timed out) the call goes through without
 * `X-RateLimit-*` headers, and that is logged and counted.
 */
export async function enforceRate(
  ctx: Context,
  bucket: RateBucket,
  tierOf: TierOf,
  now: Date,
): Promise<void> {
  const userId = rateLimitedUser(requireIdentity(ctx));
  if (userId === undefined) return;
  const { tier } = await tierOf(userId);
  // Minute, then hour: a call the minute refuses does not use up the hour.
  const decision = await ctx.deps.rateLimiter.limitEach(
    `${bucket}:user:${userId}`,
    rateRulesFor(tier, bucket),
  );
  if (decision.degraded) {
    ctx.deps.metrics?.rateLimitDegraded(bucket);
    ctx.logger.warn({ bucket, userId }, 'rate limiter did not decide in time; call let through');
    return;
  }
  const headers = rateLimitHeaders(decision, now.getTime());
  setHeaders(ctx.resHeaders, headers);
  if (!decision.success) {
    const retryAfter = secondsUntil(decision.reset, now.getTime());
    throw new AppError(
      'RATE_LIMITED',
      `Rate limit of ${decision.limit} calls exceeded; retry in ${retryAfter} s.`,
      {
        headers: { 'Retry-After': String(retryAfter), ...headers },
        extensions: { retryAfter },
      },
    );
  }
}
