import { type MeteredKind, monthlyLimit, type Tier, UNLIMITED } from '@aria/core';
import {
  type DailyUsageRow,
  hasLiveStripeSubscription,
  type QuotaPeriod,
  type Subscription,
} from '@aria/db';

/** One metered kind in the current quota period; -1 means unlimited. */
export interface QuotaView {
  used: number;
  limit: number;
  remaining: number;
}

export type UsageByKind = Record<MeteredKind, QuotaView>;

export interface QuotaPeriodView {
  /** `YYYY-MM-DD`: the billing period's start for paid tiers, the month's first day for free. */
  start: string;
  /** When the quotas reset; null for a paid period without a known end. */
  resetsAt: Date | null;
}

export interface SubscriptionView {
  athleteId: string;
  tier: Tier;
  /** Stripe's status (active, past_due, canceled, …); `active` for tiers set directly. */
  status: string;
  /** `stripe` while Stripe bills the athlete, else `direct` (free, or set by billing.setTier). */
  managedBy: 'stripe' | 'direct';
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  quotaPeriod: QuotaPeriodView;
  usage: UsageByKind;
}

export interface DayUsageView {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  calls: Record<MeteredKind, number>;
}

export interface BillingUsageView {
  athleteId: string;
  tier: Tier;
  quotaPeriod: QuotaPeriodView;
  byKind: UsageByKind;
  /** Every day of the period so far, oldest first. */
  byDay: DayUsageView[];
}

export interface CheckoutView {
  /** The hosted Stripe page to send the athlete to. */
  url: string;
  sessionId: string;
  /** `checkout` for a new subscription; `plan_change` confirms an upgrade in the portal. */
  flow: 'checkout' | 'plan_change';
}

export interface PortalView {
  url: string;
}

export function toUsageByKind(tier: Tier, used: Record<MeteredKind, number>): UsageByKind {
  const quota = (kind: MeteredKind): QuotaView => {
    const limit = monthlyLimit(tier, kind);
    const remaining = limit === UNLIMITED ? UNLIMITED : Math.max(0, limit - used[kind]);
    return { used: used[kind], limit, remaining };
  };
  return {
    ask: quota('ask'),
    ask_media: quota('ask_media'),
    generate_plan: quota('generate_plan'),
    training_readiness: quota('training_readiness'),
  };
}

export function toQuotaPeriodView(period: QuotaPeriod): QuotaPeriodView {
  return { start: period.periodStart, resetsAt: period.resetsAt ?? null };
}

export function toSubscriptionView(
  athleteId: string,
  row: Subscription | undefined,
  period: QuotaPeriod,
  used: Record<MeteredKind, number>,
): SubscriptionView {
  const stripe = row?.stripeSubscriptionId != null;
  return {
    athleteId,
    tier: period.tier,
    status: row?.status ?? 'active',
    managedBy: hasLiveStripeSubscription(row) ? 'stripe' : 'direct',
    currentPeriodStart: stripe ? (row?.currentPeriodStart ?? null) : null,
    currentPeriodEnd: stripe ? (row?.currentPeriodEnd ?? null) : null,
    cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
    quotaPeriod: toQuotaPeriodView(period),
    usage: toUsageByKind(period.tier, used),
  };
}

const zeroCalls = (): Record<MeteredKind, number> => ({
  ask: 0,
  ask_media: 0,
  generate_plan: 0,
  training_readiness: 0,
});

const dayMs = 86_400_000;

/** Every UTC day from the period's start to `today` (inclusive), with the calls counted on it. */
export function toDayUsage(
  periodStart: string,
  today: string,
  rows: readonly DailyUsageRow[],
): DayUsageView[] {
  const days: DayUsageView[] = [];
  const byDate = new Map<string, DayUsageView>();
  const last = Date.parse(`${today}T00:00:00Z`);
  for (let at = Date.parse(`${periodStart}T00:00:00Z`); at <= last; at += dayMs) {
    const day: DayUsageView = { date: new Date(at).toISOString().slice(0, 10), calls: zeroCalls() };
    days.push(day);
    byDate.set(day.date, day);
  }
  for (const row of rows) {
    const day = byDate.get(row.day);
    if (day) day.calls[row.kind] += row.used;
  }
  return days;
}
