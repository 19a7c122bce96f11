import type { Config } from '@aria/config';
import type { DatabaseHandle } from '@aria/db';
import { type AnalyzeMediaData, analyzeMedia } from './analysis/analyze-media.js';
import { startAnalysisSweep } from './analysis/sweep.js';
import { createJobEngine, type JobEngine, type JobHandler } from './engine.js';
import type { JobLogger } from './logger.js';
import type { Periodic } from './periodic.js';
import { deliverAthleteEvents, deliverTrackLitEvents } from './tracklit/deliver-events.js';
import { type OutboxDispatch, startOutboxDispatch } from './tracklit/dispatch.js';

/** How often queued analyses whose job may be lost are looked for, and how old they must be. */
const analysisSweepIntervalMs = 60_000;

/** Every kind of job Aria runs; senders and workers create the same queues. */
export const ariaJobs = [deliverTrackLitEvents, analyzeMedia] as const;

export interface AriaJobs {
  readonly engine: JobEngine;
  /** Present where this process runs the workers and TrackLit events are configured. */
  readonly dispatch: OutboxDispatch | undefined;
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartJobsOptions {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly logger: JobLogger;
  /** Work the queues here (the API with JOBS_IN_PROCESS, or `pnpm worker`); else only send. */
  readonly runWorkers: boolean;
  /** Runs the media analyses (`coaching.analyzeMedia`) where this process works the queues. */
  readonly analyzeMedia?: JobHandler<AnalyzeMediaData> | undefined;
}

/** The job engine with Aria's jobs, and their workers when this process runs them. */
export async function startJobs(options: StartJobsOptions): Promise<AriaJobs> {
  const { config, database, logger } = options;
  const engine = createJobEngine({
    database,
    databaseUrl: config.database.url,
    jobs: ariaJobs,
    defaults: {
      maxAttempts: config.jobs.maxAttempts,
      retryDelaySeconds: config.jobs.retryDelaySeconds,
      expireInSeconds: Math.max(60, Math.ceil((config.tracklit.eventsTimeoutMs * 4) / 1000)),
    },
    pollingIntervalSeconds: config.jobs.pollIntervalMs / 1000,
    onError: (error) => logger.error({ err: error }, 'job engine error'),
  });
  await engine.start();

  let sweep: Periodic | undefined;
  if (options.runWorkers && options.analyzeMedia) {
    // One at a time per process: ffmpeg takes the CPU while it decodes.
    await engine.work(analyzeMedia, options.analyzeMedia, { concurrency: 1 });
    sweep = startAnalysisSweep({
      db: database.db,
      engine,
      intervalMs: analysisSweepIntervalMs,
      staleAfterMs: analysisSweepIntervalMs,
      logger,
    });
  }

  let dispatch: OutboxDispatch | undefined;
  const { eventsUrl, eventsSecret } = config.tracklit;
  if (options.runWorkers && eventsUrl && eventsSecret) {
    const settings = {
      receiver: {
        url: eventsUrl,
        secret: eventsSecret,
        timeoutMs: config.tracklit.eventsTimeoutMs,
      },
      maxAttempts: config.tracklit.eventsMaxAttempts,
      backoff: {
        baseMs: config.tracklit.eventsRetryBaseMs,
        maxMs: config.tracklit.eventsRetryMaxMs,
      },
      logger,
    };
    await engine.work(
      deliverTrackLitEvents,
      async ({ data }) => {
        await deliverAthleteEvents(database.db, data.athleteId, settings);
      },
      { concurrency: 2 },
    );
    dispatch = startOutboxDispatch({
      db: database.db,
      engine,
      intervalMs: config.jobs.pollIntervalMs,
      logger,
    });
  }

  return {
    engine,
    dispatch,
    async stop(timeoutMs = 10_000) {
      await Promise.all([dispatch?.stop(), sweep?.stop()]);
      await engine.stop(timeoutMs);
    },
  };
}
