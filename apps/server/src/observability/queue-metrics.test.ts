import { testServices } from '@aria/config/testing';
import { markOutboxEventFailed, outboxEvents, recordOutboxEvent } from '@aria/db';
import { createJobEngine, defineJob, type JobEngine } from '@aria/jobs';
import { eventually, type JobsTestDatabase, openJobsTestDatabase } from '@aria/jobs/testing';
import { metricNames } from '@aria/metrics';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../testing/app.js';
import { sampleSum } from '../testing/metrics.js';

// The job and outbox gauges on GET /metrics, read from a real PostgreSQL: what a worker
// elsewhere in the fleet leaves in the queues shows up on the API's scrape.

const waiting = defineJob({ name: 'test.waiting', parse: z.object({}).parse });
const doomed = defineJob({
  name: 'test.doomed',
  parse: z.object({}).parse,
  maxAttempts: 1,
});

const services = testServices();

describe.skipIf(!services.databaseUrl && !services.required)(
  'job and outbox metrics [postgres]',
  () => {
    let database: JobsTestDatabase;
    let engine: JobEngine;
    let t: TestApp;

    beforeAll(async () => {
      database = await openJobsTestDatabase('postgres');
      engine = createJobEngine({
        database: database.handle,
        databaseUrl: database.url,
        jobs: [waiting, doomed],
        defaults: { maxAttempts: 5, retryDelaySeconds: 30, expireInSeconds: 60 },
        pollingIntervalSeconds: 0.5,
      });
      await engine.start();
      await engine.work(doomed, async () => {
        throw new Error('always fails');
      });
      t = await createTestApp(
        { DATABASE_URL: database.url ?? '' },
        { database: database.handle, jobs: engine },
      );
    }, 60_000);

    afterAll(async () => {
      await engine?.stop(2_000);
      await t?.deps.close();
      await database?.close();
    }, 60_000);

    it('reports a queued job, a dead job and a parked outbox event', async () => {
      const db = database.handle.db;
      await engine.send(waiting, {}, { startAfter: new Date(Date.now() - 300_000) });
      await engine.send(doomed, {});
      await eventually(async () => expect(await engine.listDead()).toHaveLength(1), 30_000);
      const parked = await recordOutboxEvent(db, {
        type: 'insight.created',
        athleteId: 'metrics-athlete',
        data: { n: 1 },
      });
      await markOutboxEventFailed(db, parked.id, { error: 'HTTP 500', retryInMs: 0, park: true });
      const pending = await recordOutboxEvent(db, {
        type: 'insight.created',
        athleteId: 'metrics-athlete',
        data: { n: 2 },
      });
      await db
        .update(outboxEvents)
        .set({ createdAt: new Date(Date.now() - 120_000) })
        .where(eq(outboxEvents.id, pending.id));

      const response = await t.app.request('/metrics');
      expect(response.status).toBe(200);
      const text = await response.text();
      const jobs = (queue: string, state: string) =>
        sampleSum(text, metricNames.jobs, { queue, state });
      expect(jobs('test.waiting', 'queued')).toBe(1);
      expect(jobs('test.waiting', 'dead')).toBe(0);
      expect(jobs('test.doomed', 'dead')).toBe(1);
      expect(jobs('test.doomed', 'failed')).toBe(1);
      expect(jobs('test.doomed', 'queued')).toBe(0);
      expect(jobs('test.doomed', 'active')).toBe(0);
      const waited = sampleSum(text, metricNames.jobsOldestQueuedAge, { queue: 'test.waiting' });
      expect(waited).toBeGreaterThanOrEqual(300);
      expect(waited).toBeLessThan(400);
      expect(sampleSum(text, metricNames.outboxEvents, { state: 'parked' })).toBe(1);
      expect(sampleSum(text, metricNames.outboxEvents, { state: 'pending' })).toBe(1);
      const age = sampleSum(text, metricNames.outboxOldestPendingAge);
      expect(age).toBeGreaterThanOrEqual(120);
      expect(age).toBeLessThan(200);
    }, 60_000);
  },
);
