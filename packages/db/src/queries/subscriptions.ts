import { eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { athletes } from '../schema/athletes.js';
import { type Subscription, subscriptions } from '../schema/billing.js';
import type { SubscriptionTier } from '../schema/enums.js';

/** The tier an athlete's limits come from, and the first day of its current quota period. */
export interface TierPeriod {
  readonly tier: SubscriptionTier;
  /** `YYYY-MM-DD`: the key of the athlete's `monthly_usage` rows for this period. */
  readonly periodStart: string;
}

export interface QuotaPeriod extends TierPeriod {
  /**
   * When the quota period ends: the billing period's end for a paid tier, else the first
   * instant of the next UTC month; undefined for a paid period with a start and no end.
   */
  readonly resetsAt: Date | undefined;
}

export type TierRow = Pick<
  Subscription,
  'tier' | 'currentPeriodStart' | 'currentPeriodEnd' | 'cancelAtPeriodEnd'
>;

/**
 * The tier and quota period of a subscription row at `at` (pure; see findTier). A period set
 * to cancel at its end counts as free once that end has passed, even before Stripe's deletion
 * event has arrived.
 */
export function quotaPeriodOf(row: TierRow | undefined, at: Date): QuotaPeriod {
  const start = row?.currentPeriodStart;
  const end = row?.currentPeriodEnd;
  const cancelled = row?.cancelAtPeriodEnd === true && end != null && at >= end;
  const tier = row && !cancelled ? row.tier : 'free';
  const inPaidPeriod = tier !== 'free' && start != null && start <= at && (end == null || at < end);
  if (inPaidPeriod) return { tier, periodStart: utcDate(start), resetsAt: end ?? undefined };
  return { tier, periodStart: calendarMonthStart(at), resetsAt: nextMonthStart(at) };
}

/** The athlete's subscription row, tier and quota period at `at`; see quotaPeriodOf. */
export async function findQuotaPeriod(
  db: AriaDatabase,
  athleteId: string,
  at: Date = new Date(),
): Promise<QuotaPeriod> {
  const [row] = await db
    .select({
      tier: subscriptions.tier,
      currentPeriodStart: subscriptions.currentPeriodStart,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
    })
    .from(subscriptions)
    .where(eq(subscriptions.athleteId, athleteId));
  return quotaPeriodOf(row, at);
}

/**
 * The athlete's tier and quota period at `at`. Free (and a missing subscription row, which
 * counts as free): the UTC calendar month, `YYYY-MM-01`. Paid: the UTC date of the Stripe
 * billing period's start, while `at` lies inside that period; when the period is unknown or
 * over (a renewal not yet recorded), the calendar month instead.
 *
 * Only `tier` decides the tier (not `status`): billing sets it back to `free` on cancellation
 * (and a period set to cancel counts as free once it has ended).
 */
export async function findTier(
  db: AriaDatabase,
  athleteId: string,
  at: Date = new Date(),
): Promise<TierPeriod> {
  const { tier, periodStart } = await findQuotaPeriod(db, athleteId, at);
  return { tier, periodStart };
}

export interface AthleteTier extends TierPeriod {
  /** Whether the athlete exists (usage is kept for ids that no longer do). */
  readonly exists: boolean;
}

/** findTier and whether the athlete exists, in one query (the metering's one read of the tier). */
export async function findAthleteTier(
  db: AriaDatabase,
  athleteId: string,
  at: Date = new Date(),
): Promise<AthleteTier> {
  const [row] = await db
    .select({
      tier: subscriptions.tier,
      currentPeriodStart: subscriptions.currentPeriodStart,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
    })
    .from(athletes)
    .leftJoin(subscriptions, eq(subscriptions.athleteId, athletes.id))
    .where(eq(athletes.id, athleteId));
  const subscription =
    row?.tier == null
      ? undefined
      : { ...row, tier: row.tier, cancelAtPeriodEnd: !!row.cancelAtPeriodEnd };
  const { tier, periodStart } = quotaPeriodOf(subscription, at);
  return { exists: row !== undefined, tier, periodStart };
}

/** `YYYY-MM-01` of the UTC month holding `at` (the same rule as `@aria/core`'s calendarPeriodStart). */
export function calendarMonthStart(at: Date): string {
  return `${utcDate(at).slice(0, 7)}-01`;
}

function nextMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
