import { AppError } from '@aria/core';
import { findSubscription, saveStripeSubscription } from '@aria/db';
import type { ApiDeps } from '../../context.js';
import { stateFromSnapshot } from './stripe-state.js';

/** Stripe statuses after which a subscription never bills again. */
const endedStatuses: ReadonlySet<string> = new Set(['canceled', 'incomplete_expired']);

/**
 * Before an athlete is erased, Stripe must stop billing it: a subscription that has not ended
 * is cancelled now, through Stripe, and the answer stored. Without Stripe settings such a
 * subscription cannot be cancelled here: CONFLICT, saying how to proceed.
 */
export async function stopStripeBillingBeforeErasure(
  deps: Pick<ApiDeps, 'db' | 'billing'>,
  athleteId: string,
): Promise<void> {
  const row = await findSubscription(deps.db, athleteId);
  const subscriptionId = row?.stripeSubscriptionId;
  if (!row || !subscriptionId || endedStatuses.has(row.status)) return;
  if (!deps.billing) {
    throw new AppError(
      'CONFLICT',
      `Stripe still bills this athlete (subscription ${subscriptionId}) and this server has no ` +
        'Stripe settings to cancel it: cancel the subscription in Stripe, then erase again.',
    );
  }
  const snapshot = await deps.billing.cancelNow(subscriptionId);
  await saveStripeSubscription(deps.db, athleteId, stateFromSnapshot(snapshot));
}
