import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle, migrate } from './client.js';
import { athletes } from './schema/index.js';

describe('createDb without DATABASE_URL', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'aria-db-')), 'nested', '.aria');
  const config = { database: { url: undefined, poolMax: 1 }, dataDir };

  afterAll(() => rmSync(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it('opens PGlite under dataDir/pglite, creating the directory, and keeps data', async () => {
    const first = await createDb(config);
    expect(first.driver).toBe('pglite');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    await first.ping();
    await migrate(first);
    await first.db.insert(athletes).values({ id: 'persisted' });
    await first.close();

    const second = await createDb(config);
    try {
      await migrate(second);
      expect(await second.db.$count(athletes)).toBe(1);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('rejects migrate() for a handle it did not create', async () => {
    const inMemory = await createDb(config, { inMemory: true });
    const foreign: DatabaseHandle = { ...inMemory };
    await expect(migrate(foreign)).rejects.toThrow('created by createDb');
    await inMemory.close();
    await inMemory.close();
  }, 60_000);
});
