import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DatabaseHandle, migrate, type QueryLogger } from '../client.js';
import { migrationsFolder } from '../migrations-folder.js';

/**
 * A fresh, migrated in-memory PGlite. It starts from a dump of a migrated database instead of
 * running initdb and every migration again: that made up most of the seconds each test file
 * spent opening PGlite.
 */
export async function openEmbeddedTestDatabase(
  options: { readonly queryLogger?: QueryLogger } = {},
): Promise<DatabaseHandle> {
  const handle = await createDb(
    { database: { url: undefined, poolMax: 1 }, dataDir: '' },
    { inMemory: true, startFrom: await migratedSnapshot(), ...options },
  );
  await migrate(handle); // a no-op on an up-to-date snapshot; applies anything newer
  return handle;
}

let snapshot: Promise<Blob> | undefined;

/**
 * The migrated data directory, made once per set of migrations and PGlite version and kept
 * in the temp directory, so the test files of one run (each its own process) share it.
 */
export function migratedSnapshot(): Promise<Blob> {
  snapshot ??= loadOrMakeSnapshot();
  return snapshot;
}

async function loadOrMakeSnapshot(): Promise<Blob> {
  const file = join(tmpdir(), `aria-pglite-${snapshotKey()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const handle = await createDb(
    { database: { url: undefined, poolMax: 1 }, dataDir: '' },
    { inMemory: true },
  );
  try {
    await migrate(handle);
    const pglite = handle.pglite;
    if (!pglite) throw new Error('an in-memory database is PGlite');
    const dump = await pglite.dumpDataDir('none');
    // Written aside and renamed: a file running at the same time never reads half a dump.
    const partial = `${file}.${randomBytes(6).toString('hex')}`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  } finally {
    await handle.close();
  }
}

function snapshotKey(): string {
  const hash = createHash('sha256');
  // PGlite's entry module stands for its version (its package.json is not exported).
  hash.update(readFileSync(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  for (const entry of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (!entry.endsWith('.sql') && !entry.endsWith('.json')) continue;
    hash.update(entry).update(readFileSync(join(migrationsFolder, entry)));
  }
  return hash.digest('hex').slice(0, 16);
}
