import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@aria/config';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, Logger as QueryLogger } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrationsFolder } from './migrations-folder.js';
import * as schema from './schema/index.js';

export type AriaSchema = typeof schema;

/** The database as every other package sees it: the same type over postgres.js and PGlite. */
export type AriaDatabase = PgDatabase<PgQueryResultHKT, AriaSchema>;

/** The `tx` of `db.transaction(async (tx) => …)`; also usable wherever an AriaDatabase is. */
export type AriaTransaction = PgTransaction<
  PgQueryResultHKT,
  AriaSchema,
  ExtractTablesWithRelations<AriaSchema>
>;

export type DatabaseDriver = 'postgres' | 'pglite';

export interface DatabaseHandle {
  readonly db: AriaDatabase;
  readonly driver: DatabaseDriver;
  /** The embedded database itself (PGlite only): for tools that speak SQL directly, e.g. the job engine. */
  readonly pglite?: PGlite;
  /** Runs `select 1`; rejects when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type { QueryLogger };

export interface CreateDbOptions {
  /** PGlite only: keep the database in memory instead of `${dataDir}/pglite` (tests). */
  readonly inMemory?: boolean;
  /**
   * PGlite in memory only: start from this data directory (a `dumpDataDir()` tarball) instead
   * of initialising an empty one. Tests start from a migrated copy: initdb is most of the
   * cost of opening PGlite.
   */
  readonly startFrom?: Blob;
  /** Drizzle's query logger hook: sees every query's SQL text and parameters as it is sent. */
  readonly queryLogger?: QueryLogger;
}

export type DatabaseConfig = Pick<Config, 'database' | 'dataDir'>;

const drizzleOptions = { schema, casing: 'snake_case' } as const;

/** How `migrate()` reaches the driver-specific migrator of a handle made by `createDb`. */
const migrators = new WeakMap<DatabaseHandle, () => Promise<void>>();

/**
 * Opens the database chosen by the configuration: postgres.js when `database.url` is set,
 * otherwise embedded PGlite (in `${dataDir}/pglite`, or in memory with `inMemory`).
 */
export async function createDb(
  config: DatabaseConfig,
  options: CreateDbOptions = {},
): Promise<DatabaseHandle> {
  const logger = options.queryLogger ?? false;
  return config.database.url
    ? openPostgres(config.database.url, config.database.poolMax, logger)
    : options.inMemory
      ? openPglite({ ...(options.startFrom ? { loadDataDir: options.startFrom } : {}) }, logger)
      : openPglite({ dataDir: join(config.dataDir, 'pglite') }, logger);
}

/** Applies every pending migration of `packages/db/migrations`; a no-op when up to date. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
  const run = migrators.get(handle);
  if (!run) throw new Error('migrate() needs a DatabaseHandle created by createDb()');
  await run();
}

function openPostgres(url: string, poolMax: number, logger: QueryLogger | false): DatabaseHandle {
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  const db = drizzlePostgres({ client, logger, ...drizzleOptions });
  return register(
    {
      db,
      driver: 'postgres',
      ping: () => pingDatabase(db),
      close: () => client.end({ timeout: 5 }),
    },
    () => migratePostgres(db, { migrationsFolder }),
  );
}

async function openPglite(
  options: PGliteOptions,
  logger: QueryLogger | false,
): Promise<DatabaseHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options);
  const db = drizzlePglite({ client, logger, ...drizzleOptions });
  return register(
    {
      db,
      driver: 'pglite',
      pglite: client,
      ping: () => pingDatabase(db),
      close: () => (client.closed ? Promise.resolve() : client.close()),
    },
    () => migratePglite(db, { migrationsFolder }),
  );
}

async function pingDatabase(db: AriaDatabase): Promise<void> {
  await db.execute(sql`select 1`);
}

function register(handle: DatabaseHandle, runMigrations: () => Promise<void>): DatabaseHandle {
  migrators.set(handle, runMigrations);
  return handle;
}
