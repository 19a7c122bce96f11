import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { athletes } from './athletes.js';
import { timestamps, timestamptz } from './columns.js';
import { subscriptionTierEnum, usageKindEnum } from './enums.js';

/** One subscription per athlete; free-tier rows have no Stripe ids. */
export const subscriptions = pgTable('subscriptions', {
  athleteId: text()
    .primaryKey()
    .references(() => athletes.id, { onDelete: 'cascade' }),
  tier: subscriptionTierEnum().notNull().default('free'),
  /** Stripe's status: active, trialing, past_due, canceled, incomplete, unpaid, … */
  status: text().notNull().default('active'),
  stripeCustomerId: text().unique('subscriptions_stripe_customer_id_unique'),
  stripeSubscriptionId: text().unique('subscriptions_stripe_subscription_id_unique'),
  stripePriceId: text(),
  currentPeriodStart: timestamptz(),
  currentPeriodEnd: timestamptz(),
  cancelAtPeriodEnd: boolean().notNull().default(false),
  /** `created` of the last Stripe event applied; older events are ignored. */
  lastEventAt: timestamptz(),
  ...timestamps,
});

// The usage ledger (`monthly_usage`, `daily_usage`, `quota_grants`) is billing data keyed by
// the TrackLit user id alone, with no foreign key to `athletes`: it survives erasure, so erasing
// and re-provisioning an athlete does not reset the month's quota. It holds counts and dates only.

/** Metered calls per athlete, quota period and kind; consumed with a guarded UPDATE. */
export const monthlyUsage = pgTable(
  'monthly_usage',
  {
    /** The TrackLit user id (the athlete's id while it exists). */
    athleteId: text().notNull(),
    /** First day of the quota period: the calendar month in the athlete's time zone, or the billing period's start. */
    periodStart: date({ mode: 'string' }).notNull(),
    kind: usageKindEnum().notNull(),
    used: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({
      name: 'monthly_usage_pk',
      columns: [table.athleteId, table.periodStart, table.kind],
    }),
    check('monthly_usage_used_non_negative', sql`${table.used} >= 0`),
  ],
);

/**
 * The same counters split by UTC day (`billing.usage`): kept with `monthly_usage`, in the same
 * transaction, so a period's days always add up to its monthly count.
 */
export const dailyUsage = pgTable(
  'daily_usage',
  {
    athleteId: text().notNull(),
    /** The quota period the calls counted in (`monthly_usage.period_start`). */
    periodStart: date({ mode: 'string' }).notNull(),
    /** The day of the calls in the athlete's time zone, `YYYY-MM-DD`. */
    day: date({ mode: 'string' }).notNull(),
    kind: usageKindEnum().notNull(),
    used: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({
      name: 'daily_usage_pk',
      columns: [table.athleteId, table.periodStart, table.day, table.kind],
    }),
    check('daily_usage_used_non_negative', sql`${table.used} >= 0`),
  ],
);

/**
 * Calls charged at most once per subject (readiness: once per athlete and day): the unit
 * counted in `monthly_usage` when the subject was first charged, so repeats are free.
 */
export const quotaGrants = pgTable(
  'quota_grants',
  {
    athleteId: text().notNull(),
    kind: usageKindEnum().notNull(),
    /** What was paid for, e.g. the readiness date `YYYY-MM-DD`. */
    subject: text().notNull(),
    /** The quota period whose counter the unit went to (erasure keeps the current one only). */
    periodStart: date({ mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({
      name: 'quota_grants_pk',
      columns: [table.athleteId, table.kind, table.subject],
    }),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
export type MonthlyUsage = typeof monthlyUsage.$inferSelect;
export type NewMonthlyUsage = typeof monthlyUsage.$inferInsert;
export type DailyUsage = typeof dailyUsage.$inferSelect;
