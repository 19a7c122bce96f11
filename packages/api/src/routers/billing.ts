import { type meteredKinds, type Tier, tierNames, tierTable } from '@aria/core';
import { publicProcedure, router } from '../trpc.js';
import { subscriptionProcedure, usageProcedure } from './billing/read.js';
import { setTierProcedure } from './billing/set-tier.js';
import { cancelProcedure, checkoutProcedure, portalProcedure } from './billing/stripe-actions.js';

export interface TierView {
  tier: Tier;
  priceUsd: number;
  /** Monthly quotas by kind; -1 means unlimited. */
  monthly: Record<(typeof meteredKinds)[number], number>;
  perMinute: { ask: number; default: number };
  perHour: { default: number | null };
}

const tierViews: TierView[] = tierNames.map((tier) => {
  const limits = tierTable[tier];
  return {
    tier,
    priceUsd: limits.priceUsd,
    monthly: { ...limits.monthly },
    perMinute: { ...limits.perMinute },
    perHour: { default: limits.perHour.default ?? null },
  };
});

export const billingRouter = router({
  /** Public: the tier table TrackLit shows on its pricing page. */
  tiers: publicProcedure.query(() => ({ tiers: tierViews })),
  /** Tier, status, billing period and this quota period's usage and remaining calls. */
  subscription: subscriptionProcedure,
  /** This quota period's usage by kind and by day. */
  usage: usageProcedure,
  checkout: checkoutProcedure,
  cancel: cancelProcedure,
  portal: portalProcedure,
  setTier: setTierProcedure,
});
