import { createDb, type DatabaseHandle } from '@aria/db';
import { describeEachDriver, openEmbeddedTestDatabase } from '@aria/db/testing';
import { createMetrics, metricNames } from '@aria/metrics';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sampleSum } from '../testing/metrics.js';
import { DatabaseInstrumentationError, instrumentDatabase } from './database.js';

describeEachDriver('database instrumentation', (suite) => {
  it('times every query of a real handle', async () => {
    const metrics = createMetrics();
    const { stop } = await instrumentDatabase(suite.handle, { metrics, poolMax: 4 });
    try {
      await suite.db.execute(sql`select 1`);
      await suite.db.transaction(async (tx) => {
        await tx.execute(sql`select 2`);
      });
      const count = sampleSum(await metrics.render(), `${metricNames.dbQueryDuration}_count`, {
        driver: suite.driver,
        operation: 'SELECT',
      });
      expect(count).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
    }
  });

  it('fails loudly when queries stop passing through the hook', async () => {
    // As after a drizzle upgrade that sends queries another way: the probe is not seen.
    const bypassing: DatabaseHandle = { ...suite.handle, ping: async () => {} };
    await expect(instrumentDatabase(bypassing, { poolMax: 4 })).rejects.toBeInstanceOf(
      DatabaseInstrumentationError,
    );
  });
});

it('fails loudly when the drizzle session has no prepareQuery', async () => {
  const handle = await openEmbeddedTestDatabase();
  try {
    // As after an upgrade that renames the method: the session's class no longer has it.
    Object.setPrototypeOf(handle.db._.session, Object.prototype);
    await expect(instrumentDatabase(handle, { poolMax: 1 })).rejects.toThrow(/no prepareQuery/);
  } finally {
    await handle.close();
  }
});

it('still starts when the database is unreachable, the hook having seen the query', async () => {
  const handle = await createDb({
    database: { url: 'postgres://nobody@127.0.0.1:9/none', poolMax: 1 },
    dataDir: '',
  });
  try {
    await expect(instrumentDatabase(handle, { poolMax: 1 })).resolves.toBeDefined();
  } finally {
    await handle.close();
  }
});
