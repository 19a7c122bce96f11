import type { MeteredKind, RateBucket } from '@aria/core';
import { middleware } from '../trpc.js';
import { chargeQuota, type QuotaCharge } from './charge-quota.js';
import { enforceRate } from './enforce-rate.js';

// Use these after `.input(schema)`: tRPC validates input at its place in the chain, so a
// refused input then consumes neither rate nor quota. Identify must have run (authedProcedure).

/** Per-minute (and per-hour) rate of the caller; see `enforceRate`. */
export function rateLimited(bucket: RateBucket) {
  return middleware(async ({ ctx, next }) => {
    await enforceRate(ctx, bucket);
    return next();
  });
}

/**
 * Monthly quota of the target athlete (`ctx.athleteId`, else the caller; see
 * `targetAthleteId`), refunded when the rest of the chain fails.
 */
export function monthlyQuota(kind: MeteredKind) {
  return middleware(async ({ ctx, next }) => {
    const charge = await chargeQuota(ctx, kind);
    const result = await next();
    if (!result.ok) await refundQuietly(charge);
    return result;
  });
}

export interface MeteredOptions {
  readonly bucket: RateBucket;
  readonly quota?: MeteredKind;
}

/**
 * Quota, then rate: a spent quota answers 402 even when the rate is spent too (waiting would
 * not help). The quota unit is refunded when the rate refuses or the rest of the chain fails.
 */
export function metered(options: MeteredOptions) {
  return middleware(async ({ ctx, next }) => {
    const charge = options.quota === undefined ? undefined : await chargeQuota(ctx, options.quota);
    try {
      await enforceRate(ctx, options.bucket);
    } catch (error) {
      if (charge) await refundQuietly(charge);
      throw error;
    }
    const result = await next();
    if (!result.ok && charge) await refundQuietly(charge);
    return result;
  });
}

/**
 * A failed refund must not replace the error the caller gets; it costs the athlete one unit.
 * (There is no logger in the context yet to report it.)
 */
async function refundQuietly(charge: QuotaCharge): Promise<void> {
  await charge.refund().catch(() => undefined);
}
