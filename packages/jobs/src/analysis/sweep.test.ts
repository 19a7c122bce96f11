import { testServices } from '@aria/config/testing';
import { createAnalysis, provisionAthlete, startAnalysisRun } from '@aria/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobEngine, type JobEngine } from '../engine.js';
import { silentLogger } from '../logger.js';
import { eventually, type JobsTestDatabase, openJobsTestDatabase } from '../testing/index.js';
import { analyzeMedia } from './analyze-media.js';
import { startAnalysisSweep } from './sweep.js';

for (const driver of ['pglite', 'postgres'] as const) {
  const unavailable =
    driver === 'postgres' && !testServices().databaseUrl && !testServices().required;

  describe.skipIf(unavailable)(`analysis sweep [${driver}]`, () => {
    let database: JobsTestDatabase;
    let engine: JobEngine;
    const runs: string[] = [];

    beforeAll(async () => {
      database = await openJobsTestDatabase(driver);
      engine = createJobEngine({
        database: database.handle,
        databaseUrl: database.url,
        jobs: [analyzeMedia],
        defaults: { maxAttempts: 2, retryDelaySeconds: 1, expireInSeconds: 60 },
        pollingIntervalSeconds: 0.5,
      });
      await engine.start();
      await engine.work(analyzeMedia, async ({ data }) => {
        runs.push(data.analysisId);
        await startAnalysisRun(database.handle.db, data.analysisId);
      });
      await provisionAthlete(database.handle.db, { id: 'sweep-athlete' });
    }, 60_000);
    afterAll(async () => {
      await engine?.stop(2_000);
      await database?.close();
    }, 60_000);

    const store = () =>
      createAnalysis(database.handle.db, {
        athleteId: 'sweep-athlete',
        mediaKind: 'image',
        mediaType: 'image/png',
        bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
        event: null,
        experienceLevel: null,
      });

    it('queues the job of an analysis whose job was lost, once', async () => {
      const lost = await store();
      const sweep = startAnalysisSweep({
        db: database.handle.db,
        engine,
        intervalMs: 100,
        staleAfterMs: 0,
        logger: silentLogger,
      });
      try {
        await eventually(() => expect(runs).toContain(lost.id), 20_000);
        await sweep.tick();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(runs.filter((id) => id === lost.id)).toHaveLength(1);
      } finally {
        await sweep.stop();
      }
    }, 30_000);

    it('leaves an analysis stored moments ago to the job sent with it', async () => {
      const fresh = await store();
      const sweep = startAnalysisSweep({
        db: database.handle.db,
        engine,
        intervalMs: 100,
        staleAfterMs: 60_000,
        logger: silentLogger,
      });
      await sweep.tick();
      await sweep.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(runs).not.toContain(fresh.id);
    }, 30_000);
  });
}
