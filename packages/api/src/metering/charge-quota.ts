import { AppError, type MeteredKind, monthlyLimit } from '@aria/core';
import {
  consumeMonthlyQuota,
  findTier,
  isForeignKeyViolation,
  type QuotaKey,
  refundMonthlyQuota,
} from '@aria/db';
import type { Context } from '../context.js';
import { setHeaders } from './rate-headers.js';
import { targetAthleteId } from './target-athlete.js';

/** One consumed unit of an athlete's monthly quota. */
export interface QuotaCharge {
  /** Gives the unit back (the metered work failed) and updates `X-Monthly-Usage`. */
  refund(): Promise<void>;
}

/**
 * Consumes one `kind` call of the target athlete's monthly quota (see `targetAthleteId`) and
 * sets `X-Subscription-Tier`, `X-Monthly-Usage` (after this call) and `X-Monthly-Limit` (-1 for
 * unlimited). Throws QUOTA_EXCEEDED (402) when the quota is spent, NOT_FOUND for an unknown
 * athlete.
 */
export async function chargeQuota(ctx: Context, kind: MeteredKind): Promise<QuotaCharge> {
  const { db } = ctx.deps;
  const athleteId = targetAthleteId(ctx);
  const now = ctx.deps.now();
  const { tier, periodStart, day } = await findTier(db, athleteId, now);
  const limit = monthlyLimit(tier, kind);
  const key: QuotaKey = { athleteId, periodStart, kind, day };
  const outcome = await consumeMonthlyQuota(db, { ...key, limit }).catch((error: unknown) => {
    if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', 'No such athlete.');
    throw error;
  });
  const headers = quotaHeaders(tier, outcome.used, limit);
  setHeaders(ctx.resHeaders, headers);
  if (!outcome.allowed) {
    throw new AppError(
      'QUOTA_EXCEEDED',
      `The ${tier} tier allows ${limit} "${kind}" calls per month, all used; upgrade for more.`,
      { headers },
    );
  }
  return {
    refund: async () => {
      const used = await refundMonthlyQuota(db, key);
      setHeaders(ctx.resHeaders, quotaHeaders(tier, used, limit));
    },
  };
}

function quotaHeaders(tier: string, used: number, limit: number): Record<string, string> {
  return {
    'X-Subscription-Tier': tier,
    'X-Monthly-Usage': String(used),
    'X-Monthly-Limit': String(limit),
  };
}
