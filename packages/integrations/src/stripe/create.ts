import type { Config } from '@aria/config';
import { createStripeBilling, type StripeBillingOptions } from './stripe-billing.js';
import type { BillingProvider } from './types.js';

/**
 * Stripe when STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_PRO and STRIPE_PRICE_STAR
 * are all set (config refuses a partial set), else undefined: billing then answers
 * NOT_CONFIGURED and tiers are set directly (billing.setTier).
 */
export function createBillingProvider(
  config: Pick<Config, 'stripe'>,
  options: StripeBillingOptions = {},
): BillingProvider | undefined {
  const { secretKey, webhookSecret, pricePro, priceStar, returnUrl } = config.stripe;
  if (!secretKey || !webhookSecret || !pricePro || !priceStar) return undefined;
  return createStripeBilling(
    { secretKey, webhookSecret, prices: { pro: pricePro, star: priceStar }, returnUrl },
    options,
  );
}
