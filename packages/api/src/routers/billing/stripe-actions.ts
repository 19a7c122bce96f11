import { createHash } from 'node:crypto';
import { AppError, type Tier, tierNames } from '@aria/core';
import {
  findAthlete,
  findSubscription,
  hasLiveStripeSubscription,
  quotaPeriodOf,
  type Subscription,
  saveStripeCustomer,
  saveStripeSubscription,
  withSubscriptionLocked,
} from '@aria/db';
import type { BillingProvider, PaidTier } from '@aria/integrations';
import { actingFor } from '../../access.js';
import type { ApiDeps } from '../../context.js';
import { authedProcedure } from '../../procedures.js';
import { checkoutSchema, portalSchema } from '../../schemas/billing.js';
import { athleteTargetSchema } from '../../schemas/common.js';
import type { CheckoutView, PortalView } from '../../views/billing.js';
import { meteredCall } from '../metered.js';
import { loadSubscriptionView } from './read.js';
import { requireBilling, returnUrlFor, stateFromSnapshot, withQuery } from './stripe-state.js';

const rank = (tier: Tier) => tierNames.indexOf(tier);

interface CheckoutInput {
  readonly athleteId: string;
  readonly tier: PaidTier;
  readonly returnUrl: string;
}

/** An upgrade of a live subscription: the portal's "confirm this plan change" page. */
async function changePlan(
  billing: BillingProvider,
  row: Subscription,
  input: CheckoutInput,
): Promise<CheckoutView> {
  const { stripeSubscriptionId, stripeCustomerId } = row;
  if (!stripeSubscriptionId || !stripeCustomerId) throw new Error('not a Stripe subscription');
  const snapshot = await billing.retrieveSubscription(stripeSubscriptionId);
  if (!snapshot.itemId) throw new Error(`Stripe subscription ${snapshot.id} has no item`);
  const session = await billing.createPortalSession({
    customerId: stripeCustomerId,
    returnUrl: withQuery(input.returnUrl, { checkout: 'success' }),
    changePlan: { subscriptionId: snapshot.id, itemId: snapshot.itemId, tier: input.tier },
  });
  return { url: session.url, sessionId: session.id, flow: 'plan_change' };
}

/** A Stripe idempotency key for one request's parameters (Stripe keeps keys for 24 hours). */
function idempotencyKey(purpose: string, parts: readonly (string | null | undefined)[]): string {
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  return `aria-${purpose}-${digest}`;
}

/**
 * Checkout for an athlete without a live subscription, under the athlete's subscription row
 * lock so concurrent checkouts take turns: the first creates and stores the Stripe customer,
 * and each Stripe request carries an idempotency key of its parameters (and of the row's last
 * Stripe change), so a repeated or concurrent checkout gets the same session back instead of
 * a second one. A second subscription that still gets paid is cancelled by the webhook.
 */
async function startCheckout(
  deps: Pick<ApiDeps, 'db' | 'now'>,
  billing: BillingProvider,
  input: CheckoutInput,
): Promise<CheckoutView> {
  return withSubscriptionLocked(deps.db, input.athleteId, async (tx, row) => {
    const current = quotaPeriodOf(row, deps.now()).tier;
    if (rank(input.tier) <= rank(current)) {
      const detail =
        input.tier === current
          ? `The athlete is already on the ${current} tier.`
          : `The athlete is on the ${current} tier; ${input.tier} is lower: change or cancel the plan in the billing portal (billing.portal).`;
      throw new AppError('CONFLICT', detail);
    }
    if (hasLiveStripeSubscription(row)) return changePlan(billing, row, input);
    let customerId = row.stripeCustomerId;
    if (!customerId) {
      const email = (await findAthlete(tx, input.athleteId))?.email ?? undefined;
      customerId = await billing.createCustomer({
        athleteId: input.athleteId,
        email,
        idempotencyKey: idempotencyKey('customer', [input.athleteId, email]),
      });
      await saveStripeCustomer(tx, input.athleteId, customerId);
    }
    const successUrl = withQuery(input.returnUrl, {
      checkout: 'success',
      session_id: '{CHECKOUT_SESSION_ID}',
    });
    const cancelUrl = withQuery(input.returnUrl, { checkout: 'cancelled' });
    const session = await billing.createCheckoutSession({
      athleteId: input.athleteId,
      tier: input.tier,
      customerId,
      email: undefined,
      successUrl,
      cancelUrl,
      idempotencyKey: idempotencyKey('checkout', [
        input.athleteId,
        input.tier,
        customerId,
        successUrl,
        cancelUrl,
        row.stripeSubscriptionId,
        row.lastEventAt?.toISOString(),
      ]),
    });
    return { url: session.url, sessionId: session.id, flow: 'checkout' };
  });
}

/** Starts an upgrade to pro or star: a Stripe Checkout session (or a plan change) to send the athlete to. */
export const checkoutProcedure = authedProcedure
  .input(checkoutSchema)
  .use(actingFor('write'))
  .use(meteredCall)
  .mutation(({ ctx, input }) => {
    const billing = requireBilling(ctx.deps);
    const returnUrl = returnUrlFor(input.returnUrl, billing);
    return startCheckout(ctx.deps, billing, {
      athleteId: ctx.athleteId,
      tier: input.tier,
      returnUrl,
    });
  });

/** Cancels at the end of the paid period: the tier stays until then, then returns to free. */
export const cancelProcedure = authedProcedure
  .input(athleteTargetSchema.optional())
  .use(actingFor('write'))
  .use(meteredCall)
  .mutation(async ({ ctx }) => {
    const billing = requireBilling(ctx.deps);
    const row = await findSubscription(ctx.deps.db, ctx.athleteId);
    const subscriptionId = row?.stripeSubscriptionId;
    if (!row || !subscriptionId || !hasLiveStripeSubscription(row)) {
      throw new AppError('CONFLICT', 'The athlete has no paid Stripe subscription to cancel.');
    }
    if (!row.cancelAtPeriodEnd) {
      const snapshot = await billing.cancelAtPeriodEnd(subscriptionId);
      await saveStripeSubscription(ctx.deps.db, ctx.athleteId, stateFromSnapshot(snapshot));
    }
    return loadSubscriptionView(ctx.deps, ctx.athleteId);
  });

/** The Stripe customer portal (invoices, payment method, plan changes, cancellation). */
export const portalProcedure = authedProcedure
  .input(portalSchema.optional())
  .use(actingFor('write'))
  .use(meteredCall)
  .mutation(async ({ ctx, input }): Promise<PortalView> => {
    const billing = requireBilling(ctx.deps);
    const returnUrl = returnUrlFor(input?.returnUrl, billing);
    const row = await findSubscription(ctx.deps.db, ctx.athleteId);
    if (!row?.stripeCustomerId) {
      throw new AppError(
        'CONFLICT',
        'The athlete has no Stripe customer yet: subscribe through billing.checkout first.',
      );
    }
    const session = await billing.createPortalSession({
      customerId: row.stripeCustomerId,
      returnUrl,
    });
    return { url: session.url };
  });
