import {
  findAthleteTimeZone,
  findSubscription,
  quotaPeriodOf,
  usageByDay,
  usageFor,
} from '@aria/db';
import { actingFor } from '../../access.js';
import type { ApiDeps } from '../../context.js';
import { authedProcedure } from '../../procedures.js';
import { athleteTargetSchema } from '../../schemas/common.js';
import {
  type BillingUsageView,
  type SubscriptionView,
  toDayUsage,
  toQuotaPeriodView,
  toSubscriptionView,
  toUsageByKind,
} from '../../views/billing.js';
import { meteredCall } from '../metered.js';

/** The athlete's subscription with this quota period's usage and what remains of it. */
export async function loadSubscriptionView(
  deps: Pick<ApiDeps, 'db' | 'now'>,
  athleteId: string,
): Promise<SubscriptionView> {
  const row = await findSubscription(deps.db, athleteId);
  const period = quotaPeriodOf(row, deps.now(), await findAthleteTimeZone(deps.db, athleteId));
  const used = await usageFor(deps.db, athleteId, period.periodStart);
  return toSubscriptionView(athleteId, row, period, used);
}

async function loadUsageView(
  deps: Pick<ApiDeps, 'db' | 'now'>,
  athleteId: string,
): Promise<BillingUsageView> {
  const now = deps.now();
  const timeZone = await findAthleteTimeZone(deps.db, athleteId);
  const period = quotaPeriodOf(await findSubscription(deps.db, athleteId), now, timeZone);
  const [used, days] = await Promise.all([
    usageFor(deps.db, athleteId, period.periodStart),
    usageByDay(deps.db, athleteId, period.periodStart),
  ]);
  return {
    athleteId,
    tier: period.tier,
    quotaPeriod: toQuotaPeriodView(period),
    byKind: toUsageByKind(period.tier, used),
    byDay: toDayUsage(period.periodStart, period.day, days),
  };
}

const optionalTarget = athleteTargetSchema.optional();

export const subscriptionProcedure = authedProcedure
  .input(optionalTarget)
  .use(actingFor('read'))
  .use(meteredCall)
  .query(({ ctx }) => loadSubscriptionView(ctx.deps, ctx.athleteId));

export const usageProcedure = authedProcedure
  .input(optionalTarget)
  .use(actingFor('read'))
  .use(meteredCall)
  .query(({ ctx }) => loadUsageView(ctx.deps, ctx.athleteId));
