import type { MeteredKind, RateBucket } from '@aria/core';
import type { Context } from '../context.js';
import { middleware } from '../trpc.js';
import { checkQuota, type QuotaCharge } from './charge-quota.js';
import { enforceRate } from './enforce-rate.js';
import { tierLookup } from './tier-of.js';

// Use these after `.input(schema)`: tRPC validates input at its place in the chain, so a
// refused input then consumes neither rate nor quota. Identify must have run (authedProcedure).

export interface MeteredOptions {
  readonly bucket: RateBucket;
  readonly quota?: MeteredKind;
}

/**
 * Meters one call, in this order: the quota is read (a spent quota answers 402 without
 * touching the rate: waiting would not help), then the rate is counted in Redis (a refusal
 * writes nothing to PostgreSQL), then the quota unit is consumed atomically (402 only when
 * calls that passed meanwhile really spent it). The tier is read once. Resolves to the charge
 * to refund when the metered work fails (undefined without a quota).
 */
export async function meter(
  ctx: Context,
  options: MeteredOptions,
): Promise<QuotaCharge | undefined> {
  const now = ctx.deps.now();
  const tierOf = tierLookup(ctx, now);
  const quota =
    options.quota === undefined ? undefined : await checkQuota(ctx, options.quota, tierOf);
  await enforceRate(ctx, options.bucket, tierOf, now);
  return quota?.charge();
}

/** Per-minute (and per-hour) rate of the caller; see `enforceRate`. */
export function rateLimited(bucket: RateBucket) {
  return middleware(async ({ ctx, next }) => {
    const now = ctx.deps.now();
    await enforceRate(ctx, bucket, tierLookup(ctx, now), now);
    return next();
  });
}

/**
 * Monthly quota of the target athlete (`ctx.athleteId`, else the caller; see
 * `targetAthleteId`), refunded when the rest of the chain fails.
 */
export function monthlyQuota(kind: MeteredKind) {
  return middleware(async ({ ctx, next }) => {
    const now = ctx.deps.now();
    const charge = await (await checkQuota(ctx, kind, tierLookup(ctx, now))).charge();
    const result = await next();
    if (!result.ok) await charge.refund();
    return result;
  });
}

/** Quota and rate (see `meter`); the quota unit is refunded when the rest of the chain fails. */
export function metered(options: MeteredOptions) {
  return middleware(async ({ ctx, next }) => {
    const charge = await meter(ctx, options);
    const result = await next();
    if (!result.ok) await charge?.refund();
    return result;
  });
}

/**
 * As `metered`, with the charge handed on as `ctx.quotaCharge` for work that goes on after
 * the chain (a stream, a background job) and refunds the unit itself when it fails later.
 */
export function meteredWithCharge(options: MeteredOptions & { readonly quota: MeteredKind }) {
  return middleware(async ({ ctx, next }) => {
    const charge = await meter(ctx, options);
    if (!charge) throw new Error('a metered call with a quota always has a charge');
    const result = await next({ ctx: { quotaCharge: charge } });
    if (!result.ok) await charge.refund();
    return result;
  });
}

/**
 * Charges one `kind` unit from inside a procedure, once its work shows the call costs one
 * (readiness: only a scored day), at most once per `subject`. Use after a rate-only `metered`.
 */
export async function chargeQuotaWithin(
  ctx: Context,
  kind: MeteredKind,
  subject: string,
): Promise<QuotaCharge> {
  const scoped: Context & { quotaSubject: string } = { ...ctx, quotaSubject: subject };
  return (await checkQuota(scoped, kind, tierLookup(ctx, ctx.deps.now()))).charge();
}
