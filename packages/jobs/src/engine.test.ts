import { testServices } from '@aria/config/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from './definition.js';
import { createJobEngine, type JobEngine } from './engine.js';
import { eventually, type JobsTestDatabase, openJobsTestDatabase } from './testing/index.js';

const greet = defineJob({
  name: 'test.greet',
  parse: z.object({ name: z.string() }).parse,
});
const flaky = defineJob({
  name: 'test.flaky',
  parse: z.object({ failTimes: z.number() }).parse,
  maxAttempts: 3,
  retryDelaySeconds: 1,
});
const doomed = defineJob({
  name: 'test.doomed',
  parse: z.object({ n: z.number() }).parse,
  maxAttempts: 2,
  retryDelaySeconds: 1,
});
const idle = defineJob({ name: 'test.idle', parse: z.object({}).parse });

const drivers = ['pglite', 'postgres'] as const;

for (const driver of drivers) {
  const unavailable =
    driver === 'postgres' && !testServices().databaseUrl && !testServices().required;
  describe.skipIf(unavailable)(`job engine [${driver}]`, () => {
    let database: JobsTestDatabase;
    let engine: JobEngine;
    const seen: Array<{
      job: string;
      data: unknown;
      attempt: number;
      final: boolean;
      at: number;
    }> = [];

    beforeAll(async () => {
      database = await openJobsTestDatabase(driver);
      engine = createJobEngine({
        database: database.handle,
        databaseUrl: database.url,
        jobs: [greet, flaky, doomed, idle],
        defaults: { maxAttempts: 5, retryDelaySeconds: 30, expireInSeconds: 60 },
        pollingIntervalSeconds: 0.5,
      });
      await engine.start();
      await engine.work(greet, async ({ data, attempt, final }) => {
        seen.push({ job: 'greet', data, attempt, final, at: Date.now() });
      });
      await engine.work(flaky, async ({ data, attempt, final }) => {
        seen.push({ job: 'flaky', data, attempt, final, at: Date.now() });
        if (attempt <= data.failTimes) throw new Error(`failing on attempt ${attempt}`);
      });
      await engine.work(doomed, async ({ data, attempt, final }) => {
        seen.push({ job: 'doomed', data, attempt, final, at: Date.now() });
        throw new Error('always fails');
      });
    }, 60_000);

    afterAll(async () => {
      await engine?.stop(2_000);
      await database?.close();
    }, 60_000);

    it('runs a job with its typed data', async () => {
      await engine.send(greet, { name: 'Ada' });
      await eventually(() =>
        expect(seen).toContainEqual(
          expect.objectContaining({ job: 'greet', data: { name: 'Ada' }, attempt: 1 }),
        ),
      );
    });

    it('retries a failing job with a growing, jittered delay until it succeeds', async () => {
      await engine.send(flaky, { failTimes: 2 });
      const runs = await eventually(() => {
        const runs = seen.filter((entry) => entry.job === 'flaky');
        expect(runs.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
        return runs;
      }, 30_000);
      // Only the last attempt the policy allows is final.
      expect(runs.map((entry) => entry.final)).toEqual([false, false, true]);
      const [first, second, third] = runs.map((entry) => entry.at) as [number, number, number];
      // Retry n waits between delay·2^(n-1) and delay·2^n seconds (delay 1 s).
      expect(second - first).toBeGreaterThanOrEqual(1_000);
      expect(third - second).toBeGreaterThanOrEqual(2_000);
      await eventually(async () => {
        const [metrics] = (await engine.metrics()).filter((entry) => entry.name === 'test.flaky');
        expect(metrics).toMatchObject({ queued: 0, active: 0, dead: 0 });
      });
    }, 40_000);

    it('moves a job that used up its attempts to the dead letters, and replays it', async () => {
      await engine.send(doomed, { n: 7 });
      const dead = await eventually(async () => {
        const [job] = await engine.listDead();
        expect(job).toMatchObject({ name: 'test.doomed', data: { n: 7 } });
        return job;
      }, 30_000);
      const doomedRuns = seen.filter((entry) => entry.job === 'doomed');
      expect(doomedRuns.map((entry) => [entry.attempt, entry.final])).toEqual([
        [1, false],
        [2, true],
      ]);
      const [metrics] = (await engine.metrics()).filter((entry) => entry.name === 'test.doomed');
      expect(metrics).toMatchObject({ dead: 1, failed: 1, queued: 0 });

      expect(await engine.replayDead(dead?.id ?? '')).toBe(true);
      expect(await engine.replayDead(dead?.id ?? '')).toBe(false);
      await eventually(() =>
        expect(seen.filter((entry) => entry.job === 'doomed')).toHaveLength(3),
      );
    }, 60_000);

    it('counts queued jobs and how long the oldest due one has waited', async () => {
      await engine.send(idle, {}, { startAfter: new Date(Date.now() - 600_000) });
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await engine.send(idle, {});
      // Scheduled for later: queued, but not yet waiting for a worker.
      await engine.send(idle, {}, { startAfter: new Date(Date.now() + 3_600_000) });
      const [metrics] = (await engine.metrics()).filter((entry) => entry.name === 'test.idle');
      expect(metrics?.queued).toBe(3);
      expect(metrics?.oldestQueuedSeconds).toBeGreaterThanOrEqual(600);
      expect(metrics?.oldestQueuedSeconds).toBeLessThan(660);
    });

    it('refuses to send a job it was not given', async () => {
      const stranger = defineJob({ name: 'test.stranger', parse: z.object({}).parse });
      await expect(engine.send(stranger, {})).rejects.toThrow(/not one of this engine's jobs/);
    });
  });
}
