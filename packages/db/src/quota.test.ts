import { and, eq, lt, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AriaDatabase } from './client.js';
import { athletes, monthlyUsage, type UsageKind } from './schema/index.js';
import { describeEachDriver } from './testing/index.js';

const athleteId = 'athlete-quota';
const periodStart = '2026-05-01';

/** The statement the metering middleware relies on: consume one unit only while under limit. */
async function consumeOne(db: AriaDatabase, kind: UsageKind, limit: number) {
  const rows = await db
    .update(monthlyUsage)
    .set({ used: sql`${monthlyUsage.used} + 1` })
    .where(
      and(
        eq(monthlyUsage.athleteId, athleteId),
        eq(monthlyUsage.periodStart, periodStart),
        eq(monthlyUsage.kind, kind),
        lt(monthlyUsage.used, limit),
      ),
    )
    .returning({ used: monthlyUsage.used });
  return rows[0]?.used;
}

describeEachDriver('atomic monthly quota', (suite) => {
  it('increments up to the limit and never beyond, even when calls race', async () => {
    const { db } = suite;
    await db.insert(athletes).values({ id: athleteId });
    await db.insert(monthlyUsage).values({ athleteId, periodStart, kind: 'ask' });

    const results = await Promise.all(Array.from({ length: 8 }, () => consumeOne(db, 'ask', 3)));
    expect(results.filter((used) => used !== undefined).sort()).toEqual([1, 2, 3]);
    expect(results.filter((used) => used === undefined)).toHaveLength(5);

    const [row] = await db
      .select({ used: monthlyUsage.used })
      .from(monthlyUsage)
      .where(and(eq(monthlyUsage.athleteId, athleteId), eq(monthlyUsage.kind, 'ask')));
    expect(row?.used).toBe(3);
  });

  it('returns nothing when the row does not exist', async () => {
    expect(await consumeOne(suite.db, 'training_readiness', 5)).toBeUndefined();
  });
});
