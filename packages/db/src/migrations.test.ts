import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { AriaDatabase } from './client.js';
import { migrate } from './client.js';
import { describeEachDriver } from './testing/index.js';

const expectedTables = [
  'analyses',
  'analysis_media',
  'api_keys',
  'athletes',
  'coach_athlete_links',
  'conversations',
  'daily_metrics',
  'daily_usage',
  'knowledge_articles',
  'messages',
  'monthly_usage',
  'mood_reports',
  'operator_audit_log',
  'outbox_events',
  'parked_webhook_deliveries',
  'processed_webhook_events',
  'quota_grants',
  'subscriptions',
  'training_plans',
  'training_sessions',
  'wearable_connections',
];

async function publicTables(db: AriaDatabase): Promise<string[]> {
  const rows = await db
    .select({ name: sql<string>`table_name` })
    .from(sql`information_schema.tables`)
    .where(sql`table_schema = 'public' and table_type = 'BASE TABLE'`)
    .orderBy(sql`table_name`);
  return rows.map((row) => row.name);
}

async function appliedMigrations(db: AriaDatabase): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(sql`drizzle.__drizzle_migrations`);
  return row?.count ?? 0;
}

describeEachDriver('migrations', (suite) => {
  it('apply from zero on an empty database, and a second run changes nothing', async () => {
    const handle = await suite.openDatabase({ migrated: false });
    expect(await publicTables(handle.db)).toEqual([]);

    await migrate(handle);
    expect(await publicTables(handle.db)).toEqual(expectedTables);
    const applied = await appliedMigrations(handle.db);
    expect(applied).toBeGreaterThanOrEqual(2);

    await migrate(handle);
    expect(await appliedMigrations(handle.db)).toBe(applied);
    expect(await publicTables(handle.db)).toEqual(expectedTables);
  });

  it('leave the suite database ready to use', async () => {
    await expect(suite.handle.ping()).resolves.toBeUndefined();
    expect(suite.handle.driver).toBe(suite.driver);
  });
});
