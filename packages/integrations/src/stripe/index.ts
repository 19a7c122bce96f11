export { createBillingProvider } from './create.js';
export { entitledTier, type TierPrices, tierOfPrice } from './snapshot.js';
export {
  createStripeBilling,
  type StripeBillingOptions,
  type StripeEndpoint,
  type StripeSettings,
} from './stripe-billing.js';
export {
  type BillingEvent,
  type BillingEventKind,
  type BillingProvider,
  type CheckoutRequest,
  type CustomerRequest,
  type HostedSession,
  type PaidTier,
  type PortalRequest,
  type SubscriptionSnapshot,
  WebhookSignatureError,
} from './types.js';
