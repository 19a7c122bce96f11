import { eq, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { athletes } from '../schema/athletes.js';
import { type Subscription, subscriptions } from '../schema/billing.js';
import type { SubscriptionTier } from '../schema/enums.js';
import { preparedPer } from './prepared.js';
import { readTierRow } from './tier-cache.js';

/** The tier an athlete's limits come from, and the first day of its current quota period. */
export interface TierPeriod {
  readonly tier: SubscriptionTier;
  /** `YYYY-MM-DD`: the key of the athlete's `monthly_usage` rows for this period. */
  readonly periodStart: string;
  /** `YYYY-MM-DD`: the athlete's calendar date at `at`, in their time zone (daily usage). */
  readonly day: string;
}

export interface QuotaPeriod extends TierPeriod {
  /**
   * When the quota period ends: the billing period's end for a paid tier, else the first
   * instant of the next calendar month in the athlete's time zone; undefined for a paid
   * period with a start and no end.
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
 * event has arrived. The calendar month is the one on the athlete's clocks (`timeZone`, IANA).
 */
export function quotaPeriodOf(row: TierRow | undefined, at: Date, timeZone = 'UTC'): QuotaPeriod {
  const day = zonedDate(at, timeZone);
  const start = row?.currentPeriodStart;
  const end = row?.currentPeriodEnd;
  const cancelled = row?.cancelAtPeriodEnd === true && end != null && at >= end;
  const tier = row && !cancelled ? row.tier : 'free';
  const inPaidPeriod = tier !== 'free' && start != null && start <= at && (end == null || at < end);
  if (inPaidPeriod) {
    return { tier, periodStart: utcDate(start), day, resetsAt: end ?? undefined };
  }
  const periodStart = `${day.slice(0, 7)}-01`;
  return { tier, periodStart, day, resetsAt: monthEndIn(periodStart, timeZone) };
}

/** The athlete's subscription row, tier and quota period at `at`; see quotaPeriodOf. */
export async function findQuotaPeriod(
  db: AriaDatabase,
  athleteId: string,
  at: Date = new Date(),
): Promise<QuotaPeriod> {
  return (await readQuotaPeriod(db, athleteId, at)).period;
}

const quotaPeriodStatement = preparedPer((db) =>
  db
    .select({
      tier: subscriptions.tier,
      currentPeriodStart: subscriptions.currentPeriodStart,
      currentPeriodEnd: subscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
      timeZone: athletes.timeZone,
    })
    .from(athletes)
    .leftJoin(subscriptions, eq(subscriptions.athleteId, athletes.id))
    .where(eq(athletes.id, sql.placeholder('athleteId')))
    .prepare('aria_quota_period'),
);

async function readQuotaPeriod(
  db: AriaDatabase,
  athleteId: string,
  at: Date,
): Promise<{ exists: boolean; period: QuotaPeriod }> {
  const row = await readTierRow(db, athleteId, async () => {
    const [found] = await quotaPeriodStatement(db).execute({ athleteId });
    return found;
  });
  const subscription =
    row?.tier == null
      ? undefined
      : {
          tier: row.tier,
          currentPeriodStart: row.currentPeriodStart,
          currentPeriodEnd: row.currentPeriodEnd,
          cancelAtPeriodEnd: row.cancelAtPeriodEnd ?? false,
        };
  return { exists: row !== undefined, period: quotaPeriodOf(subscription, at, row?.timeZone) };
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
  const { tier, periodStart, day } = await findQuotaPeriod(db, athleteId, at);
  return { tier, periodStart, day };
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
  const { exists, period } = await readQuotaPeriod(db, athleteId, at);
  return { exists, tier: period.tier, periodStart: period.periodStart, day: period.day };
}

/**
 * `YYYY-MM-01` of the UTC month holding `at`: the quota period of a re-provisioned athlete
 * (free, time zone UTC), which is what erasure keeps of the usage ledger.
 */
export function calendarMonthStart(at: Date): string {
  return `${utcDate(at).slice(0, 7)}-01`;
}

function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

// Building an Intl.DateTimeFormat costs far more than using one (it was ~7 % of a metered
// call's CPU): one per zone and shape, kept for the process.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  build: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    format = build();
    cache.set(timeZone, format);
  }
  return format;
}

/** The calendar date of `at` on the clocks of `timeZone`, read from Intl. */
function formatZonedDate(at: Date, timeZone: string): string {
  const parts = cached(
    dateFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// Every metered call needs its athlete's date, and Intl was 7 % of such a call: each zone's
// date is kept for the UTC minute it was read in, when the minute's first and last
// millisecond fall on the same date. A midnight or clock change inside the minute leaves it
// uncached, and a zone's clocks never change twice in one minute, so a kept date is exact.
const datesByMinute = new Map<string, { readonly minute: number; readonly date: string }>();

/** The calendar date of `at` on the clocks of `timeZone`. */
function zonedDate(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  const known = datesByMinute.get(timeZone);
  if (known?.minute === minute) return known.date;
  const first = formatZonedDate(new Date(minute * 60_000), timeZone);
  const last = formatZonedDate(new Date(minute * 60_000 + 59_999), timeZone);
  if (first !== last) return formatZonedDate(at, timeZone);
  datesByMinute.set(timeZone, { minute, date: first });
  return first;
}

/** `YYYY-MM-01` of the month after `monthStart`. */
function nextMonth(monthStart: string): string {
  const [year = 0, month = 0] = monthStart.split('-').map(Number);
  return utcDate(new Date(Date.UTC(year, month, 1)));
}

/** Milliseconds the clocks of `timeZone` are ahead of UTC at `at`. */
function offsetAt(at: Date, timeZone: string): number {
  const wall = cached(
    wallClockFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(at);
  const part = (type: string) => Number(wall.find((entry) => entry.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the date `date` begins on the clocks of `timeZone`. */
function zonedMidnight(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00.000Z`);
  const first = guess - offsetAt(new Date(guess), timeZone);
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

// The month's end depends on nothing but the month and the zone: computed once for each.
const monthEnds = new Map<string, number>();
const maxMonthEnds = 10_000;

/** The first instant of the month after `monthStart` on the clocks of `timeZone`. */
function monthEndIn(monthStart: string, timeZone: string): Date {
  const key = `${timeZone} ${monthStart}`;
  let end = monthEnds.get(key);
  if (end === undefined) {
    end = zonedMidnight(nextMonth(monthStart), timeZone).getTime();
    if (monthEnds.size >= maxMonthEnds) monthEnds.clear();
    monthEnds.set(key, end);
  }
  return new Date(end);
}
