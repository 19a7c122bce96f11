import { testServices } from '@aria/config/testing';
import { createTestDatabase, type TestDatabase } from '@aria/db/testing';
import { createMemoryStore } from '@aria/integrations';
import { serviceSuite } from '@aria/integrations/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asUser, createAthlete, rest } from '../testing/rest.js';
import { expectSound } from './testing/leaks.js';

// PostgreSQL backends killed (pg_terminate_backend) while requests are in flight: the calls
// that lose their connection fail with the contract's problem body and nothing internal;
// the pool reconnects, and the very next calls succeed without a restart.

const { databaseUrl, required } = testServices();

interface Setup {
  readonly database: TestDatabase;
  readonly t: TestApp;
}

const suite = serviceSuite<Setup>({
  skipReason: databaseUrl === undefined && !required ? 'TEST_DATABASE_URL is not set' : undefined,
  start: async () => {
    if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set; CI requires it');
    const database = await createTestDatabase(databaseUrl);
    const t = await createTestApp({ DATABASE_URL: database.url }, { kv: createMemoryStore() });
    return { database, t };
  },
  stop: async ({ database, t }) => {
    await t.deps.close();
    await database.drop();
  },
});

describe('PostgreSQL backends terminated mid-traffic', () => {
  beforeAll(suite.setup);
  beforeEach(suite.guard);
  afterAll(suite.teardown);

  it('fails only the calls that lost their connection, then recovers by itself', async () => {
    const { t, database } = suite.current();
    expect(t.deps.database.driver).toBe('postgres');
    await createAthlete(t, 'pg-killed');
    const headers = await asUser(t, 'pg-killed', 'admin');
    const call = async () => {
      const response = await rest(t, 'get', '/v1/athletes/pg-killed/export', { headers });
      return { status: response.status, text: await response.text() };
    };
    // Run on one of the app's own connections, which it spares; the others die.
    const terminate = async () => {
      const result: unknown = await t.deps.db.execute(sql`
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = ${database.name} AND pid <> pg_backend_pid()`);
      return Array.isArray(result) ? result : [];
    };

    const answers: { status: number; text: string }[] = [];
    let killed = 0;
    const traffic = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 15; i += 1) answers.push(await call());
    });
    const killer = (async () => {
      for (let round = 0; round < 3; round += 1) {
        await new Promise((resolve) => setImmediate(resolve));
        killed += (await terminate()).length;
        while (answers.length < (round + 1) * 15) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    })();
    await Promise.all([...traffic, killer]);

    expect(killed).toBeGreaterThan(0);
    for (const answer of answers) {
      if (answer.status === 200) continue;
      // A call whose connection was killed: the contract's 500, with nothing internal in it.
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.text)).toMatchObject({ code: 'INTERNAL' });
      expect(answer.text).not.toMatch(/terminat|57P01|postgres/i);
    }
    // Recovered: every call after the last kill succeeds.
    for (let i = 0; i < 10; i += 1) {
      const answer = await call();
      expectSound('export after the kills', answer);
      expect(answer.status).toBe(200);
    }
  });
});
