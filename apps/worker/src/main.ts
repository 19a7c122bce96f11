/**
 * `pnpm worker`: runs Aria's background jobs (TrackLit event delivery, media analyses) without
 * serving HTTP, so the API can scale apart from them. Start it with JOBS_IN_PROCESS=false on
 * the API.
 * Several workers may run at once: they share the queues in PostgreSQL.
 */
import { createAnalysisRunner } from '@aria/api';
import { ConfigError, loadConfig } from '@aria/config';
import { createDb, migrate } from '@aria/db';
import { createAiProvider, createFrameExtractor } from '@aria/integrations';
import { startJobs } from '@aria/jobs';
import { pino } from 'pino';

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Aria worker cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = loadConfigOrExit();
  if (!config.database.url) {
    process.stderr.write(
      'Aria worker cannot start: it needs DATABASE_URL. The embedded database belongs to one ' +
        'process, where the server runs the workers itself (JOBS_IN_PROCESS=true).\n',
    );
    process.exit(1);
  }
  const logger = pino({ level: config.logLevel, base: { service: 'aria-worker' } });
  const database = await createDb(config);
  if (config.server.migrateOnStart) await migrate(database);
  const analyzeMedia = createAnalysisRunner({
    db: database.db,
    ai: createAiProvider(config),
    frames: createFrameExtractor({ ffmpegPath: config.analysis.ffmpegPath }),
    logger,
  });
  const jobs = await startJobs({ config, database, logger, runWorkers: true, analyzeMedia });
  logger.info({ tracklitEvents: jobs.dispatch !== undefined, pid: process.pid }, 'worker started');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing running jobs');
    jobs
      .stop(config.server.shutdownTimeoutMs)
      .then(() => database.close())
      .then(() => {
        logger.info('worker stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.fatal({ err: error }, 'worker shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Aria worker failed to start: ${message}\n`);
  process.exit(1);
});
