import { createDb, type DatabaseHandle, migrate } from '@aria/db';
import { createTestDatabase, openEmbeddedTestDatabase } from '@aria/db/testing';

export interface JobsTestDatabase {
  readonly handle: DatabaseHandle;
  /** Postgres only: the URL other processes and pg-boss connect with. */
  readonly url: string | undefined;
  close(): Promise<void>;
}

/** A fresh, migrated database of the driver: in-memory PGlite, or a new one on TEST_DATABASE_URL. */
export async function openJobsTestDatabase(
  driver: 'pglite' | 'postgres',
): Promise<JobsTestDatabase> {
  if (driver === 'pglite') {
    const handle = await openEmbeddedTestDatabase();
    return { handle, url: undefined, close: () => handle.close() };
  }
  const database = await createTestDatabase();
  const handle = await createDb({ database: { url: database.url, poolMax: 4 }, dataDir: '' });
  await migrate(handle);
  return {
    handle,
    url: database.url,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}
