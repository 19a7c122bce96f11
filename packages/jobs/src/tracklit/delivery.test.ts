import { type Config, loadConfig } from '@aria/config';
import { testServices } from '@aria/config/testing';
import {
  type AriaDatabase,
  listParkedOutboxEvents,
  type OutboxEventType,
  outboxEvents,
  recordOutboxEvent,
  unparkOutboxEvent,
} from '@aria/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.js';
import { type AriaJobs, startJobs } from '../runtime.js';
import {
  type EventReceiver,
  eventually,
  type JobsTestDatabase,
  openJobsTestDatabase,
  startEventReceiver,
} from '../testing/index.js';

const secret = 'aria-events-test-secret';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deliveryConfig(receiverUrl: string, databaseUrl: string | undefined): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TRACKLIT_EVENTS_URL: receiverUrl,
    TRACKLIT_EVENTS_SECRET: secret,
    TRACKLIT_EVENTS_MAX_ATTEMPTS: '4',
    TRACKLIT_EVENTS_RETRY_BASE_MS: '100',
    TRACKLIT_EVENTS_RETRY_MAX_MS: '400',
    TRACKLIT_EVENTS_TIMEOUT_MS: '1000',
    JOBS_POLL_INTERVAL_MS: '500',
  });
}

async function record(db: AriaDatabase, athleteId: string, type: OutboxEventType, n: number) {
  const row = await recordOutboxEvent(db, { type, athleteId, data: { n } });
  return row.eventId;
}

for (const driver of ['pglite', 'postgres'] as const) {
  const unavailable = driver === 'postgres' && !testServices().databaseUrl;
  describe.skipIf(unavailable && !testServices().required)(
    `TrackLit event delivery [${driver}]`,
    () => {
      let database: JobsTestDatabase;
      let receiver: EventReceiver;
      let jobs: AriaJobs;
      let db: AriaDatabase;

      beforeAll(async () => {
        database = await openJobsTestDatabase(driver);
        db = database.handle.db;
        receiver = await startEventReceiver(secret);
        jobs = await startJobs({
          config: deliveryConfig(receiver.url, database.url),
          database: database.handle,
          logger: silentLogger,
          runWorkers: true,
        });
      }, 60_000);

      afterAll(async () => {
        await jobs?.stop(2_000);
        await receiver?.close();
        await database?.close();
      }, 60_000);

      beforeEach(() => {
        receiver.behave(() => 200);
      });

      it('POSTs each event signed, as { id, type, createdAt, data: { athleteId, … } }', async () => {
        const id = await record(db, 'athlete-envelope', 'plan.generated', 1);
        const [event] = await eventually(() => {
          const found = receiver.accepted().filter((entry) => entry.id === id);
          expect(found).toHaveLength(1);
          return found;
        });
        expect(event?.verified).toBe(true);
        expect(event?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expect(JSON.parse(event?.body ?? '')).toEqual({
          id,
          type: 'plan.generated',
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          data: { athleteId: 'athlete-envelope', n: 1 },
        });
        // The receiver answers before the worker marks the row, so wait for the mark.
        await eventually(async () => {
          const [row] = await db.select().from(outboxEvents).where(eq(outboxEvents.eventId, id));
          expect(row?.publishedAt).toBeInstanceOf(Date);
        });
      });

      it('retries a receiver that fails three times: it gets the event once more, same id, then nothing', async () => {
        receiver.behave(({ attempt }) => (attempt <= 3 ? 503 : 200));
        const id = await record(db, 'athlete-flaky', 'readiness.updated', 1);
        await eventually(() => expect(receiver.accepted().map((entry) => entry.id)).toContain(id));
        await pause(1_500);
        const attempts = receiver.received.filter((entry) => entry.id === id);
        expect(attempts.map((entry) => entry.answered)).toEqual([503, 503, 503, 200]);
        expect(new Set(attempts.map((entry) => entry.body)).size).toBe(1);
        expect(attempts.every((entry) => entry.verified)).toBe(true);
      });

      it("keeps each athlete's events in order while deliveries fail and retry", async () => {
        receiver.behave(({ id, attempt }) =>
          attempt === 1 && id.charCodeAt(0) % 2 === 0 ? 500 : 200,
        );
        const expected: Record<string, string[]> = { 'athlete-a': [], 'athlete-b': [] };
        for (let n = 0; n < 6; n++) {
          for (const athleteId of Object.keys(expected)) {
            expected[athleteId]?.push(await record(db, athleteId, 'insight.created', n));
          }
        }
        await eventually(() => {
          for (const [athleteId, ids] of Object.entries(expected)) {
            const accepted = receiver.accepted().filter((entry) => entry.athleteId === athleteId);
            expect(accepted.map((entry) => entry.id)).toEqual(ids);
          }
        }, 30_000);
        for (const [athleteId, ids] of Object.entries(expected)) {
          // No event was even attempted before the one ahead of it had been accepted.
          const attempted = receiver.received
            .filter((entry) => entry.athleteId === athleteId)
            .map((entry) => ids.indexOf(entry.id));
          expect(attempted).toEqual([...attempted].sort((a, b) => a - b));
        }
      }, 40_000);

      it('parks an event the receiver keeps refusing, goes on with the next, and replays it on request', async () => {
        let refused = '';
        receiver.behave(({ id }) => (id === refused ? 500 : 200));
        refused = await record(db, 'athlete-parked', 'subscription.changed', 1);
        const next = await record(db, 'athlete-parked', 'subscription.changed', 2);
        await eventually(() =>
          expect(receiver.accepted().map((entry) => entry.id)).toContain(next),
        );
        expect(receiver.received.filter((entry) => entry.id === refused)).toHaveLength(4);
        const parked = await listParkedOutboxEvents(db, { limit: 10, offset: 0 });
        expect(parked.map((row) => row.eventId)).toEqual([refused]);
        expect(parked[0]?.lastError).toContain('500');

        receiver.behave(() => 200);
        expect(await unparkOutboxEvent(db, refused)).toBeDefined();
        await eventually(() =>
          expect(receiver.accepted().map((entry) => entry.id)).toContain(refused),
        );
        expect(await listParkedOutboxEvents(db, { limit: 10, offset: 0 })).toEqual([]);
      }, 30_000);
    },
  );
}
