import type { ApiDeps } from '@aria/api';
import type { Config } from '@aria/config';
import { createDb, type DatabaseHandle } from '@aria/db';
import { createKeyValueStore, type KeyValueStore } from '@aria/integrations';

export interface ServerDeps extends ApiDeps {
  readonly database: DatabaseHandle;
  readonly kv: KeyValueStore;
  /** Closes pools and stores; called once, after the HTTP server has drained. */
  close(): Promise<void>;
}

export interface CreateDepsOptions {
  /** PGlite in memory instead of on disk (tests). */
  readonly inMemoryDatabase?: boolean;
  /** Use this store instead of choosing one from Config (tests with a bridged Redis). */
  readonly kv?: KeyValueStore;
}

/** Chooses every adapter once, from Config (ARCHITECTURE.md, "Conventions"). */
export async function createDeps(
  config: Config,
  options: CreateDepsOptions = {},
): Promise<ServerDeps> {
  const database = await createDb(config, { inMemory: options.inMemoryDatabase ?? false });
  const kv = options.kv ?? createKeyValueStore(config);
  return {
    config,
    database,
    db: database.db,
    kv,
    async close() {
      await Promise.allSettled([database.close(), kv.close()]);
    },
  };
}
