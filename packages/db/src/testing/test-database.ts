import { randomBytes } from 'node:crypto';
import { testServices } from '@aria/config/testing';
import postgres from 'postgres';

export const missingDatabaseMessage =
  'TEST_DATABASE_URL is not set: the real-Postgres suite cannot run';

/** A throw-away database on the test Postgres server. */
export interface TestDatabase {
  readonly name: string;
  /** Connection URL of the new database (same server and credentials as the admin URL). */
  readonly url: string;
  /** Drops the database, terminating its remaining connections (`WITH (FORCE)`). */
  drop(): Promise<void>;
}

/**
 * Creates an empty `aria_test_<random>` database next to the one `TEST_DATABASE_URL` names.
 * The connecting role needs CREATEDB.
 */
export async function createTestDatabase(
  adminUrl: string | undefined = testServices().databaseUrl,
): Promise<TestDatabase> {
  if (!adminUrl) throw new Error(missingDatabaseMessage);
  const name = `aria_test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdminClient(adminUrl, (sql) =>
        sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ),
  };
}

async function withAdminClient(
  url: string,
  run: (sql: postgres.Sql) => Promise<unknown>,
): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
