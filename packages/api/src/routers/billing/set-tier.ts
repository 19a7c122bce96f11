import { AppError } from '@aria/core';
import { recordOperatorAction, setTierDirectly } from '@aria/db';
import { actingFor } from '../../access.js';
import { requireIdentity, roleProcedure } from '../../procedures.js';
import { setTierSchema } from '../../schemas/billing.js';
import { meteredCall } from '../metered.js';
import { loadSubscriptionView } from './read.js';

/**
 * Admin or service: sets an athlete's tier directly (support cases, TrackLit-managed billing,
 * the embedded default without Stripe). Quotas then follow the calendar month. Refused with
 * CONFLICT while Stripe bills the athlete: Stripe's word decides the tier then.
 */
export const setTierProcedure = roleProcedure('admin', 'service')
  .input(setTierSchema)
  .use(actingFor('write'))
  .use(meteredCall)
  .mutation(async ({ ctx, input }) => {
    const outcome = await setTierDirectly(ctx.deps.db, ctx.athleteId, input.tier);
    if (outcome.kind === 'stripe_managed') {
      throw new AppError(
        'CONFLICT',
        'Stripe bills this athlete: change or cancel the subscription in Stripe (billing.portal) instead.',
      );
    }
    const identity = requireIdentity(ctx);
    if (identity.kind === 'user') {
      // An operator's action (the service role is TrackLit itself, not an operator).
      await recordOperatorAction(ctx.deps.db, {
        actorId: identity.userId,
        action: 'billing.set-tier',
        target: ctx.athleteId,
        details: { tier: input.tier },
      });
    }
    return loadSubscriptionView(ctx.deps, ctx.athleteId);
  });
