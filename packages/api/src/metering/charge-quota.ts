import { AppError, type MeteredKind, monthlyLimit } from '@aria/core';
import {
  consumeMonthlyQuota,
  type QuotaKey,
  quotaStanding,
  refundMonthlyQuota,
  UNLIMITED_QUOTA,
} from '@aria/db';
import type { Context } from '../context.js';
import { requireIdentity } from '../procedures.js';
import { setHeaders } from './rate-headers.js';
import { quotaSubject, targetAthleteId } from './target-athlete.js';
import type { TierOf } from './tier-of.js';

/** One consumed unit of an athlete's monthly quota (or none, for a call that costs nothing). */
export interface QuotaCharge {
  /**
   * Gives the unit back (the metered work failed) and updates `X-Monthly-Usage`. Never
   * rejects: a refund that fails is logged and counted (the athlete lost one unit).
   */
  refund(): Promise<void>;
  /**
   * The unit consumed (undefined when the call cost nothing), for work that outlives the call
   * and gives the unit back itself when it fails later (a background job).
   */
  readonly consumed?: { readonly periodStart: string; readonly day: string };
}

/** The quota of a call, checked without writing before the rate limit and charged after it. */
export interface QuotaCheck {
  /** Consumes the unit; QUOTA_EXCEEDED when calls that passed meanwhile spent the quota. */
  charge(): Promise<QuotaCharge>;
}

const free: QuotaCharge = { refund: async () => {} };
const chargeNothing: QuotaCheck = { charge: async () => free };

/**
 * Checks one `kind` call against the target athlete's monthly quota (see `targetAthleteId`)
 * by reading it: a spent quota throws QUOTA_EXCEEDED (402) here, before the rate is touched
 * (waiting would not help). Sets `X-Subscription-Tier`, `X-Monthly-Usage` and
 * `X-Monthly-Limit` (-1 for unlimited). NOT_FOUND for an unknown athlete.
 *
 * A coach's read never consumes the athlete's quota: it only needs the athlete's tier to
 * include `kind`. A call for a `ctx.quotaSubject` already paid for (readiness of a day read
 * before) is free.
 */
export async function checkQuota(
  ctx: Context,
  kind: MeteredKind,
  tierOf: TierOf,
): Promise<QuotaCheck> {
  const athleteId = targetAthleteId(ctx);
  const { exists, tier, periodStart, day } = await tierOf(athleteId);
  if (!exists) throw new AppError('NOT_FOUND', 'No such athlete.');
  const limit = monthlyLimit(tier, kind);
  const subject = quotaSubject(ctx);
  const key: QuotaKey = {
    athleteId,
    periodStart,
    kind,
    day,
    ...(subject === undefined ? {} : { subject }),
  };
  const standing = await quotaStanding(ctx.deps.db, key);
  const headers = quotaHeaders(tier, standing.used, limit);
  setHeaders(ctx.resHeaders, headers);
  const spent = (used: number) =>
    new AppError(
      'QUOTA_EXCEEDED',
      `The ${tier} tier allows ${limit} "${kind}" calls per month, all used; upgrade for more.`,
      { headers: quotaHeaders(tier, used, limit), extensions: { tier, usage: used, limit } },
    );
  const identity = requireIdentity(ctx);
  if (identity.kind === 'user' && identity.role === 'coach') {
    if (limit === 0) {
      throw new AppError(
        'QUOTA_EXCEEDED',
        `The athlete's ${tier} tier does not include "${kind}" calls; the athlete can upgrade.`,
        { headers, extensions: { tier, usage: standing.used, limit } },
      );
    }
    return chargeNothing;
  }
  if (standing.alreadyPaid) return chargeNothing;
  if (limit !== UNLIMITED_QUOTA && standing.used >= limit) throw spent(standing.used);

  return {
    async charge() {
      const outcome = await consumeMonthlyQuota(ctx.deps.db, { ...key, limit });
      setHeaders(ctx.resHeaders, quotaHeaders(tier, outcome.used, limit));
      if (!outcome.allowed) throw spent(outcome.used);
      if (outcome.alreadyPaid) return free;
      return {
        consumed: { periodStart, day },
        refund: async () => {
          try {
            const used = await refundMonthlyQuota(ctx.deps.db, key);
            setHeaders(ctx.resHeaders, quotaHeaders(tier, used, limit));
          } catch (error) {
            ctx.deps.metrics?.quotaRefundFailed(kind);
            ctx.logger.error(
              { err: error, athleteId, kind, periodStart },
              'quota refund failed; the athlete lost one unit',
            );
          }
        },
      };
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
