import { randomBytes } from 'node:crypto';
import { testServices } from '@aria/config/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

// postgres.js reads the array types on every new connection before its first query. When
// that read fails (the backend terminated during it, as PostgreSQL does on a restart or
// failover), the rejection had no handler: an unhandled rejection, which ends a Node
// process. A role that may not read pg_type makes the same read fail every time.

const { databaseUrl, required } = testServices();

describe.runIf(databaseUrl !== undefined || required)(
  'a new connection whose type read fails',
  () => {
    const role = `aria_no_types_${randomBytes(4).toString('hex')}`;
    let database: TestDatabase;
    let admin: postgres.Sql;

    beforeAll(async () => {
      database = await createTestDatabase(databaseUrl);
      admin = postgres(database.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE ROLE "${role}" LOGIN`);
      await admin.unsafe(`REVOKE SELECT ON pg_catalog.pg_type FROM PUBLIC`);
    });

    afterAll(async () => {
      await admin?.end();
      await database?.drop();
      const cluster = postgres(databaseUrl ?? '', { max: 1, onnotice: () => {} });
      await cluster.unsafe(`DROP ROLE IF EXISTS "${role}"`);
      await cluster.end();
    });

    it('fails the waiting query with the read error, and leaves no unhandled rejection', async () => {
      const unhandled: unknown[] = [];
      const record = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', record);
      const url = new URL(database.url);
      url.username = role;
      const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        // The caller sees the error; after a termination the pool reconnects and retries instead.
        await expect(sql`select 1 as one`).rejects.toMatchObject({ code: '42501' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(unhandled).toEqual([]);
      } finally {
        process.off('unhandledRejection', record);
        await sql.end();
      }
    });
  },
);
