import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { dailyUsage, monthlyUsage } from '../schema/billing.js';
import type { UsageKind } from '../schema/enums.js';

/** A monthly limit of -1 means unlimited (as `UNLIMITED` in `@aria/core`'s tier table). */
export const UNLIMITED_QUOTA = -1;

/** One counter: an athlete's metered calls of one kind in one quota period. */
export interface QuotaKey {
  readonly athleteId: string;
  /** `YYYY-MM-DD`, from `findTier`. */
  readonly periodStart: string;
  readonly kind: UsageKind;
  /** `YYYY-MM-DD`: the UTC day the call counts on in `daily_usage`; default today. */
  readonly day?: string;
}

export interface QuotaRequest extends QuotaKey {
  /** Calls allowed in the period (≥ 0), or -1 for unlimited. */
  readonly limit: number;
}

export interface QuotaOutcome {
  readonly allowed: boolean;
  /** The counter after this call: including it when allowed, as it stands when refused. */
  readonly used: number;
}

/** `YYYY-MM-DD` of `at` in UTC. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

const matchingDay = (key: QuotaKey, day: string) =>
  and(
    eq(dailyUsage.athleteId, key.athleteId),
    eq(dailyUsage.periodStart, key.periodStart),
    eq(dailyUsage.day, day),
    eq(dailyUsage.kind, key.kind),
  );

const matching = (key: QuotaKey) =>
  and(
    eq(monthlyUsage.athleteId, key.athleteId),
    eq(monthlyUsage.periodStart, key.periodStart),
    eq(monthlyUsage.kind, key.kind),
  );

/**
 * Counts one call if the limit allows it, atomically under any concurrency: the counter row is
 * created if missing, then `UPDATE … SET used = used + 1 WHERE … AND used < limit RETURNING`
 * (Postgres re-checks the guard on the latest row version). Unlimited calls are always allowed
 * and still counted. The day's `daily_usage` counter moves in the same transaction. Rejects
 * (foreign-key violation, 23503) when the athlete does not exist.
 */
export async function consumeMonthlyQuota(
  db: AriaDatabase,
  request: QuotaRequest,
): Promise<QuotaOutcome> {
  const { limit } = request;
  if (!Number.isSafeInteger(limit) || (limit < 0 && limit !== UNLIMITED_QUOTA)) {
    throw new RangeError(`a monthly limit is a whole number ≥ 0 or -1, got ${limit}`);
  }
  const key: QuotaKey = {
    athleteId: request.athleteId,
    periodStart: request.periodStart,
    kind: request.kind,
  };
  const day = request.day ?? utcDay(new Date());
  return db.transaction(async (tx) => {
    await tx.insert(monthlyUsage).values(key).onConflictDoNothing();
    const [counted] = await tx
      .update(monthlyUsage)
      .set({ used: sql`${monthlyUsage.used} + 1` })
      .where(
        limit === UNLIMITED_QUOTA
          ? matching(key)
          : and(matching(key), lt(monthlyUsage.used, limit)),
      )
      .returning({ used: monthlyUsage.used });
    if (!counted) return { allowed: false, used: await usedOf(tx, key) };
    await tx
      .insert(dailyUsage)
      .values({ ...key, day, used: 1 })
      .onConflictDoUpdate({
        target: [dailyUsage.athleteId, dailyUsage.periodStart, dailyUsage.day, dailyUsage.kind],
        set: { used: sql`${dailyUsage.used} + 1` },
      });
    return { allowed: true, used: counted.used };
  });
}

/**
 * Gives back one call consumed by `consumeMonthlyQuota` (the metered work failed); never goes
 * below 0. Resolves to the counter afterwards.
 */
export async function refundMonthlyQuota(db: AriaDatabase, key: QuotaKey): Promise<number> {
  const day = key.day ?? utcDay(new Date());
  return db.transaction(async (tx) => {
    const [refunded] = await tx
      .update(monthlyUsage)
      .set({ used: sql`${monthlyUsage.used} - 1` })
      .where(and(matching(key), gt(monthlyUsage.used, 0)))
      .returning({ used: monthlyUsage.used });
    if (!refunded) return 0;
    await tx
      .update(dailyUsage)
      .set({ used: sql`${dailyUsage.used} - 1` })
      .where(and(matchingDay(key, day), gt(dailyUsage.used, 0)));
    return refunded.used;
  });
}

/** Calls used per kind in the period; kinds never used are 0. */
export async function usageFor(
  db: AriaDatabase,
  athleteId: string,
  periodStart: string,
): Promise<Record<UsageKind, number>> {
  const rows = await db
    .select({ kind: monthlyUsage.kind, used: monthlyUsage.used })
    .from(monthlyUsage)
    .where(and(eq(monthlyUsage.athleteId, athleteId), eq(monthlyUsage.periodStart, periodStart)));
  const usage: Record<UsageKind, number> = {
    ask: 0,
    ask_media: 0,
    generate_plan: 0,
    training_readiness: 0,
  };
  for (const row of rows) usage[row.kind] = row.used;
  return usage;
}

async function usedOf(db: AriaDatabase, key: QuotaKey): Promise<number> {
  const [row] = await db
    .select({ used: monthlyUsage.used })
    .from(monthlyUsage)
    .where(matching(key));
  return row?.used ?? 0;
}
