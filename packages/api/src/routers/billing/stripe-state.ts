import { AppError } from '@aria/core';
import type { StripeSubscriptionState } from '@aria/db';
import { type BillingProvider, entitledTier, type SubscriptionSnapshot } from '@aria/integrations';
import type { ApiDeps } from '../../context.js';

/** The Stripe adapter, or NOT_CONFIGURED (503) when the STRIPE_* settings are missing. */
export function requireBilling(deps: Pick<ApiDeps, 'billing'>): BillingProvider {
  if (!deps.billing) {
    throw new AppError(
      'NOT_CONFIGURED',
      'Billing is not configured on this server (STRIPE_* settings are missing); tiers are set directly.',
    );
  }
  return deps.billing;
}

/** The subscription row Stripe's answer calls for: tier from the price while Stripe counts it live. */
export function stateFromSnapshot(
  snapshot: SubscriptionSnapshot,
  status: string = snapshot.status,
): StripeSubscriptionState {
  return {
    tier: entitledTier({ ...snapshot, status }),
    status,
    stripeCustomerId: snapshot.customerId,
    stripeSubscriptionId: snapshot.id,
    stripePriceId: snapshot.priceId ?? null,
    currentPeriodStart: snapshot.currentPeriodStart ?? null,
    currentPeriodEnd: snapshot.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
  };
}

/** The call's return URL, else STRIPE_RETURN_URL; BAD_REQUEST when there is neither. */
export function returnUrlFor(requested: string | undefined, billing: BillingProvider): string {
  const url = requested ?? billing.defaultReturnUrl;
  if (!url) {
    throw new AppError(
      'BAD_REQUEST',
      'Name a returnUrl (the server has no STRIPE_RETURN_URL to send the athlete back to).',
    );
  }
  return url;
}

/** `url` with query parameters added (kept as they are when already present). */
export function withQuery(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  }
  // Stripe fills in `{CHECKOUT_SESSION_ID}` itself; URLSearchParams would escape the braces.
  return parsed.toString().replaceAll('%7BCHECKOUT_SESSION_ID%7D', '{CHECKOUT_SESSION_ID}');
}
