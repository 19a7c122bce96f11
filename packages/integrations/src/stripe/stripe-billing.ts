import Stripe from 'stripe';
import { toBillingEvent } from './events.js';
import { priceOfTier, type TierPrices, toSubscriptionSnapshot } from './snapshot.js';
import {
  type BillingEvent,
  type BillingProvider,
  type CheckoutRequest,
  type CustomerRequest,
  type HostedSession,
  type PortalRequest,
  type SubscriptionSnapshot,
  WebhookSignatureError,
} from './types.js';

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly prices: TierPrices;
  readonly returnUrl?: string | undefined;
}

/**
 * Where the SDK sends its requests. Production leaves it out (api.stripe.com); tests point it
 * at a local server that speaks the Stripe REST paths Aria uses.
 */
export interface StripeEndpoint {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

export interface StripeBillingOptions {
  readonly endpoint?: StripeEndpoint;
  /** Default 2 against Stripe, 0 against a local endpoint. */
  readonly maxNetworkRetries?: number;
  readonly timeoutMs?: number;
}

function hosted(session: { id: string; url: string | null }, what: string): HostedSession {
  if (!session.url) throw new Error(`Stripe returned a ${what} session without a URL`);
  return { id: session.id, url: session.url };
}

/** The Stripe SDK behind Aria's BillingProvider interface. */
export function createStripeBilling(
  settings: StripeSettings,
  options: StripeBillingOptions = {},
): BillingProvider {
  const { endpoint } = options;
  const stripe = new Stripe(settings.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? (endpoint ? 0 : 2),
    timeout: options.timeoutMs ?? 20_000,
    telemetry: false,
    ...(endpoint ? { host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol } : {}),
  });
  const snapshot = (subscription: Stripe.Subscription): SubscriptionSnapshot =>
    toSubscriptionSnapshot(subscription, settings.prices);

  return {
    provider: 'stripe',
    defaultReturnUrl: settings.returnUrl,

    async createCheckoutSession(request: CheckoutRequest): Promise<HostedSession> {
      const metadata = { athleteId: request.athleteId };
      const customer: Partial<Stripe.Checkout.SessionCreateParams> = request.customerId
        ? { customer: request.customerId }
        : request.email
          ? { customer_email: request.email }
          : {};
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'subscription',
          line_items: [{ price: priceOfTier(settings.prices, request.tier), quantity: 1 }],
          client_reference_id: request.athleteId,
          metadata,
          subscription_data: { metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          ...customer,
        },
        request.idempotencyKey ? { idempotencyKey: request.idempotencyKey } : {},
      );
      return hosted(session, 'Checkout');
    },

    async createCustomer(request: CustomerRequest): Promise<string> {
      const customer = await stripe.customers.create(
        {
          metadata: { athleteId: request.athleteId },
          ...(request.email ? { email: request.email } : {}),
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return customer.id;
    },

    async createPortalSession(request: PortalRequest): Promise<HostedSession> {
      const change = request.changePlan;
      const session = await stripe.billingPortal.sessions.create({
        customer: request.customerId,
        return_url: request.returnUrl,
        ...(change
          ? {
              flow_data: {
                type: 'subscription_update_confirm',
                subscription_update_confirm: {
                  subscription: change.subscriptionId,
                  items: [
                    {
                      id: change.itemId,
                      price: priceOfTier(settings.prices, change.tier),
                      quantity: 1,
                    },
                  ],
                },
                after_completion: { type: 'redirect', redirect: { return_url: request.returnUrl } },
              },
            }
          : {}),
      });
      return hosted(session, 'portal');
    },

    async retrieveSubscription(subscriptionId: string): Promise<SubscriptionSnapshot> {
      return snapshot(await stripe.subscriptions.retrieve(subscriptionId));
    },

    async cancelAtPeriodEnd(subscriptionId: string): Promise<SubscriptionSnapshot> {
      return snapshot(
        await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }),
      );
    },

    async cancelNow(subscriptionId: string): Promise<SubscriptionSnapshot> {
      return snapshot(
        await stripe.subscriptions.cancel(
          subscriptionId,
          {},
          {
            idempotencyKey: `aria-cancel-now:${subscriptionId}`,
          },
        ),
      );
    },

    async verifyEvent(rawBody: string, signature: string): Promise<BillingEvent> {
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          rawBody,
          signature,
          settings.webhookSecret,
        );
      } catch (error) {
        throw new WebhookSignatureError('The Stripe-Signature header does not verify.', {
          cause: error,
        });
      }
      return toBillingEvent(event);
    },
  };
}
