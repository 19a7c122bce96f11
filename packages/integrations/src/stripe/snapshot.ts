import type Stripe from 'stripe';
import type { PaidTier, SubscriptionSnapshot } from './types.js';

/** STRIPE_PRICE_PRO and STRIPE_PRICE_STAR. */
export interface TierPrices {
  readonly pro: string;
  readonly star: string;
}

export function tierOfPrice(prices: TierPrices, priceId: string | undefined): PaidTier | undefined {
  if (priceId === undefined) return undefined;
  if (priceId === prices.pro) return 'pro';
  if (priceId === prices.star) return 'star';
  return undefined;
}

export function priceOfTier(prices: TierPrices, tier: PaidTier): string {
  return tier === 'pro' ? prices.pro : prices.star;
}

/** The id of an expandable Stripe field (`"cus_…"` or an expanded `{ id }`). */
export function idOf(
  value: string | { readonly id?: string } | null | undefined,
): string | undefined {
  if (typeof value === 'string') return value;
  return value?.id ?? undefined;
}

const fromUnix = (seconds: number | null | undefined): Date | undefined =>
  typeof seconds === 'number' ? new Date(seconds * 1000) : undefined;

/** Reads a subscription as Aria needs it; its first item carries the price and the period. */
export function toSubscriptionSnapshot(
  subscription: Stripe.Subscription,
  prices: TierPrices,
): SubscriptionSnapshot {
  const item = subscription.items?.data?.[0];
  const priceId = item?.price?.id;
  const athleteId = subscription.metadata?.athleteId;
  const customerId = idOf(subscription.customer);
  if (!customerId) throw new Error(`Stripe subscription ${subscription.id} names no customer`);
  return {
    id: subscription.id,
    customerId,
    status: subscription.status,
    priceId,
    itemId: item?.id,
    priceTier: tierOfPrice(prices, priceId),
    currentPeriodStart: fromUnix(item?.current_period_start),
    currentPeriodEnd: fromUnix(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end === true,
    latestInvoiceId: idOf(subscription.latest_invoice),
    athleteId: athleteId === undefined || athleteId === '' ? undefined : athleteId,
  };
}

/** Statuses that keep the paid tier: past_due is Stripe's grace period while it retries. */
const entitledStatuses: ReadonlySet<string> = new Set(['active', 'trialing', 'past_due']);

/**
 * The tier a subscription grants: its price's tier while Stripe still counts it as live,
 * otherwise free (canceled, unpaid, incomplete, incomplete_expired, paused, or an unknown price).
 */
export function entitledTier(snapshot: SubscriptionSnapshot): 'free' | PaidTier {
  if (!entitledStatuses.has(snapshot.status)) return 'free';
  return snapshot.priceTier ?? 'free';
}
