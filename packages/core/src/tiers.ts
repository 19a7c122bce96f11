/**
 * The subscription tiers of the original Aria service (prices and limits as it sold them): the one
 * table every limit is read from.
 */
export const tierNames = ['free', 'pro', 'star'] as const;
export type Tier = (typeof tierNames)[number];

/** Monthly-quota kinds; the names match the `usage_kind` enum in the database. */
export const meteredKinds = ['ask', 'ask_media', 'generate_plan', 'training_readiness'] as const;
export type MeteredKind = (typeof meteredKinds)[number];

/** A monthly limit of -1 means unlimited. */
export const UNLIMITED = -1;

/** Per-call rate buckets: asking the coach has its own per-minute limit. */
export type RateBucket = 'ask' | 'default';

export interface TierLimits {
  readonly tier: Tier;
  readonly priceUsd: number;
  readonly monthly: Readonly<Record<MeteredKind, number>>;
  readonly perMinute: Readonly<Record<RateBucket, number>>;
  /** Only "any other call" has an hourly limit in the original table. */
  readonly perHour: Readonly<Partial<Record<RateBucket, number>>>;
}

export const tierTable: Readonly<Record<Tier, TierLimits>> = {
  free: {
    tier: 'free',
    priceUsd: 0,
    monthly: { ask: 1, ask_media: 0, generate_plan: 0, training_readiness: 0 },
    perMinute: { ask: 1, default: 10 },
    perHour: { default: 50 },
  },
  pro: {
    tier: 'pro',
    priceUsd: 4.99,
    monthly: { ask: 15, ask_media: 2, generate_plan: 3, training_readiness: 5 },
    perMinute: { ask: 5, default: 20 },
    perHour: { default: 100 },
  },
  star: {
    tier: 'star',
    priceUsd: 9.99,
    monthly: {
      ask: UNLIMITED,
      ask_media: UNLIMITED,
      generate_plan: UNLIMITED,
      training_readiness: UNLIMITED,
    },
    perMinute: { ask: 30, default: 50 },
    perHour: { default: 200 },
  },
};

export function monthlyLimit(tier: Tier, kind: MeteredKind): number {
  return tierTable[tier].monthly[kind];
}

export function isUnlimited(limit: number): boolean {
  return limit === UNLIMITED;
}

/** First day (UTC) of the calendar month holding `at`, as `YYYY-MM-01`: the free-tier period. */
export function calendarPeriodStart(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
