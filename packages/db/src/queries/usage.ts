import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { dailyUsage, monthlyUsage, quotaGrants } from '../schema/billing.js';
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
  /**
   * Charge this subject at most once per athlete and kind (e.g. the readiness date): a call
   * for a subject already paid for is allowed without counting (`quota_grants`).
   */
  readonly subject?: string;
}

export interface QuotaRequest extends QuotaKey {
  /** Calls allowed in the period (≥ 0), or -1 for unlimited. */
  readonly limit: number;
}

export interface QuotaOutcome {
  readonly allowed: boolean;
  /** The counter after this call: including it when allowed, as it stands when refused. */
  readonly used: number;
  /** Allowed without counting: the subject was paid for before. */
  readonly alreadyPaid?: true;
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
 * and still counted. The day's `daily_usage` counter moves in the same transaction. With a
 * `subject`, the grant row is claimed first (concurrent claims of one subject wait for each
 * other): a subject already paid for is allowed without counting. The ledger has no foreign
 * key to `athletes`; callers check that the athlete exists.
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
    if (request.subject !== undefined) {
      const [claimed] = await tx
        .insert(quotaGrants)
        .values({ ...key, subject: request.subject })
        .onConflictDoNothing()
        .returning({ subject: quotaGrants.subject });
      if (!claimed) return { allowed: true, used: await usedOf(tx, key), alreadyPaid: true };
    }
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
    if (!counted) {
      if (request.subject !== undefined) await deleteGrant(tx, key, request.subject);
      return { allowed: false, used: await usedOf(tx, key) };
    }
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
 * Gives back one call consumed by `consumeMonthlyQuota` (the metered work failed), with its
 * subject's grant; never goes below 0. Resolves to the counter afterwards.
 */
export async function refundMonthlyQuota(db: AriaDatabase, key: QuotaKey): Promise<number> {
  const day = key.day ?? utcDay(new Date());
  return db.transaction(async (tx) => {
    if (key.subject !== undefined) await deleteGrant(tx, key, key.subject);
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

export interface QuotaStanding {
  /** The period's counter as it stands. */
  readonly used: number;
  /** The key's subject was paid for before (a repeat is free). */
  readonly alreadyPaid: boolean;
}

/** Reads a counter (and the subject's grant) without writing: the check before the rate limit. */
export async function quotaStanding(db: AriaDatabase, key: QuotaKey): Promise<QuotaStanding> {
  const used = await usedOf(db, key);
  if (key.subject === undefined) return { used, alreadyPaid: false };
  const [grant] = await db
    .select({ subject: quotaGrants.subject })
    .from(quotaGrants)
    .where(grantOf(key, key.subject));
  return { used, alreadyPaid: grant !== undefined };
}

const grantOf = (key: QuotaKey, subject: string) =>
  and(
    eq(quotaGrants.athleteId, key.athleteId),
    eq(quotaGrants.kind, key.kind),
    eq(quotaGrants.subject, subject),
  );

async function deleteGrant(db: AriaDatabase, key: QuotaKey, subject: string): Promise<void> {
  await db.delete(quotaGrants).where(grantOf(key, subject));
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
