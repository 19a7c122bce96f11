/** The tiers a Stripe price can buy (free is the absence of a paid subscription). */
export type PaidTier = 'pro' | 'star';

/** A Stripe subscription as Aria needs it: plain data, read from Stripe itself. */
export interface SubscriptionSnapshot {
  readonly id: string;
  readonly customerId: string;
  /** Stripe's status: active, trialing, past_due, canceled, unpaid, incomplete, … */
  readonly status: string;
  readonly priceId: string | undefined;
  /** The subscription item holding the price (needed to change the price). */
  readonly itemId: string | undefined;
  /** The tier the price buys; undefined for a price that is neither STRIPE_PRICE_PRO nor _STAR. */
  readonly priceTier: PaidTier | undefined;
  /** From the subscription item (current API versions keep the period there). */
  readonly currentPeriodStart: Date | undefined;
  readonly currentPeriodEnd: Date | undefined;
  readonly cancelAtPeriodEnd: boolean;
  readonly latestInvoiceId: string | undefined;
  /** `metadata.athleteId`, set by Aria's Checkout sessions. */
  readonly athleteId: string | undefined;
}

/** What a verified webhook event means to Aria. */
export type BillingEventKind =
  | 'checkout_completed'
  | 'subscription_changed'
  | 'invoice_paid'
  | 'invoice_payment_failed'
  | 'unhandled';

/** A verified Stripe event, reduced to the ids Aria acts on. */
export interface BillingEvent {
  readonly id: string;
  /** Stripe's event type, e.g. `customer.subscription.updated`. */
  readonly type: string;
  readonly kind: BillingEventKind;
  /** When Stripe created the event (second precision): orders deliveries. */
  readonly created: Date;
  readonly subscriptionId: string | undefined;
  readonly customerId: string | undefined;
  /** The athlete the event names, when it names one (client_reference_id or metadata). */
  readonly athleteId: string | undefined;
  readonly invoiceId: string | undefined;
}

export interface CheckoutRequest {
  readonly athleteId: string;
  readonly tier: PaidTier;
  /** Reuse the athlete's Stripe customer; otherwise Checkout creates one. */
  readonly customerId: string | undefined;
  /** Prefills Checkout when no customer exists yet. */
  readonly email: string | undefined;
  readonly successUrl: string;
  readonly cancelUrl: string;
  /**
   * Stripe's `Idempotency-Key`: a retried or concurrent request with the same key and
   * parameters gets the same session back, not a second one.
   */
  readonly idempotencyKey?: string;
}

export interface CustomerRequest {
  readonly athleteId: string;
  readonly email: string | undefined;
  /** Stripe's `Idempotency-Key` (see CheckoutRequest). */
  readonly idempotencyKey: string;
}

export interface PortalRequest {
  readonly customerId: string;
  readonly returnUrl: string;
  /** Opens the portal on "confirm this plan change" instead of its home page. */
  readonly changePlan?: {
    readonly subscriptionId: string;
    readonly itemId: string;
    readonly tier: PaidTier;
  };
}

/** A hosted Stripe page to send the athlete to. */
export interface HostedSession {
  readonly id: string;
  readonly url: string;
}

/**
 * Billing as Aria uses it (Stripe in production, the same SDK against a local server in tests).
 * Created only when every STRIPE_* setting is present; without it billing answers NOT_CONFIGURED.
 */
export interface BillingProvider {
  readonly provider: 'stripe';
  /** Where hosted pages send the athlete back when the call names no URL (STRIPE_RETURN_URL). */
  readonly defaultReturnUrl: string | undefined;
  createCheckoutSession(request: CheckoutRequest): Promise<HostedSession>;
  createPortalSession(request: PortalRequest): Promise<HostedSession>;
  retrieveSubscription(subscriptionId: string): Promise<SubscriptionSnapshot>;
  /** Creates the Stripe customer of an athlete (metadata.athleteId); resolves to its id. */
  createCustomer(request: CustomerRequest): Promise<string>;
  /** Sets `cancel_at_period_end`; the tier stays until Stripe ends the subscription. */
  cancelAtPeriodEnd(subscriptionId: string): Promise<SubscriptionSnapshot>;
  /** Cancels now (no further invoices); idempotent by subscription. */
  cancelNow(subscriptionId: string): Promise<SubscriptionSnapshot>;
  /** Checks the `Stripe-Signature` of a raw body; rejects with WebhookSignatureError. */
  verifyEvent(rawBody: string, signature: string): Promise<BillingEvent>;
}

/** A webhook whose signature, timestamp or payload does not verify. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}
