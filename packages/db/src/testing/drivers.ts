import { testServices } from '@aria/config/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type AriaDatabase,
  createDb,
  type DatabaseDriver,
  type DatabaseHandle,
  migrate,
  type QueryLogger,
} from '../client.js';
import { openEmbeddedTestDatabase } from './embedded.js';
import { createTestDatabase, missingDatabaseMessage } from './test-database.js';

export type TestDriver = DatabaseDriver;

/** The drivers every database suite runs on, in order. */
export const testDrivers: readonly TestDriver[] = ['pglite', 'postgres'];

export interface OpenDatabaseOptions {
  /** Apply the migrations before returning (default true). */
  readonly migrated?: boolean;
  /** Sees every query the handle sends (drizzle's logger hook), e.g. to count them. */
  readonly queryLogger?: QueryLogger;
}

/** What a suite body receives; `db` and `handle` are usable inside hooks and tests only. */
export interface DriverSuite {
  readonly driver: TestDriver;
  /** The suite's own migrated database, opened before the first test. */
  readonly handle: DatabaseHandle;
  readonly db: AriaDatabase;
  /** Another fresh database of the same driver, closed (and dropped) after the suite. */
  openDatabase(options?: OpenDatabaseOptions): Promise<DatabaseHandle>;
}

const hookTimeoutMs = 60_000;
let skipReasonPrinted = false;

/**
 * Declares `name [pglite]` (in-memory PGlite) and `name [postgres]` (a fresh database on
 * TEST_DATABASE_URL). Without TEST_DATABASE_URL the Postgres suite is skipped with a printed
 * reason, or fails when services are required (CI).
 */
export function describeEachDriver(name: string, body: (suite: DriverSuite) => void): void {
  for (const driver of testDrivers) describeOnDriver(driver, name, body);
}

export function describeOnDriver(
  driver: TestDriver,
  name: string,
  body: (suite: DriverSuite) => void,
): void {
  const title = `${name} [${driver}]`;
  const services = testServices();
  if (driver === 'postgres' && !services.databaseUrl) {
    if (services.required) {
      describe(title, () => {
        it('has a real Postgres to run against', () => {
          throw new Error(missingDatabaseMessage);
        });
      });
      return;
    }
    if (!skipReasonPrinted) {
      skipReasonPrinted = true;
      console.warn(
        `Skipping [postgres] suites: ${missingDatabaseMessage} (set it, or CI=true to fail).`,
      );
    }
    describe.skip(title, () => body(unavailableSuite(driver)));
    return;
  }
  describe(title, () => body(liveSuite(driver, services.databaseUrl)));
}

function liveSuite(driver: TestDriver, adminUrl: string | undefined): DriverSuite {
  const cleanups: Array<() => Promise<void>> = [];
  let main: DatabaseHandle | undefined;

  const openDatabase = async (options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> => {
    const migrated = options.migrated ?? true;
    const logged = options.queryLogger ? { queryLogger: options.queryLogger } : {};
    if (driver === 'pglite' && migrated) {
      const handle = await openEmbeddedTestDatabase(logged);
      cleanups.push(() => handle.close());
      return handle;
    }
    const handle = await openEmpty(driver, adminUrl, cleanups, options.queryLogger);
    if (migrated) await migrate(handle);
    return handle;
  };

  beforeAll(async () => {
    main = await openDatabase();
  }, hookTimeoutMs);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, hookTimeoutMs);

  const current = (): DatabaseHandle => {
    if (!main) throw new Error(`${driver} test database is only available inside hooks and tests`);
    return main;
  };
  return {
    driver,
    openDatabase,
    get handle() {
      return current();
    },
    get db() {
      return current().db;
    },
  };
}

async function openEmpty(
  driver: TestDriver,
  adminUrl: string | undefined,
  cleanups: Array<() => Promise<void>>,
  queryLogger?: QueryLogger,
): Promise<DatabaseHandle> {
  const logged = queryLogger ? { queryLogger } : {};
  if (driver === 'pglite') {
    const handle = await createDb(
      { database: { url: undefined, poolMax: 1 }, dataDir: '' },
      { inMemory: true, ...logged },
    );
    cleanups.push(() => handle.close());
    return handle;
  }
  const database = await createTestDatabase(adminUrl);
  cleanups.push(() => database.drop());
  const handle = await createDb(
    { database: { url: database.url, poolMax: 4 }, dataDir: '' },
    logged,
  );
  cleanups.push(() => handle.close());
  return handle;
}

function unavailableSuite(driver: TestDriver): DriverSuite {
  const unavailable = (): never => {
    throw new Error(missingDatabaseMessage);
  };
  return {
    driver,
    openDatabase: unavailable,
    get handle() {
      return unavailable();
    },
    get db() {
      return unavailable();
    },
  };
}
