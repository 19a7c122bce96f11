import { ConfigError, loadConfig } from '@aria/config';
import { demoAthleteId, migrate, seedDevelopmentData } from '@aria/db';
import { startJobs } from '@aria/jobs';
import { createApp } from './app.js';
import { createDeps } from './deps.js';
import { developmentBanner, signDevelopmentToken } from './dev/development-access.js';
import { startHttpServer } from './http-server.js';
import { createLifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { startObservability } from './observability/index.js';
import { shutdownGracefully } from './shutdown.js';

function loadConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Aria cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config);
  const observability = startObservability(config);
  logger.info({ exporters: observability.tracingExporters }, 'tracing');
  const deps = await createDeps(config);
  observability.observeDatabase(deps.database);
  if (config.server.migrateOnStart) {
    await migrate(deps.database);
    logger.info({ database: deps.database.driver, kv: deps.kv.driver }, 'database migrated');
  } else {
    logger.info(
      { database: deps.database.driver, kv: deps.kv.driver },
      'migrations left to the migration job',
    );
  }

  if (config.nodeEnv === 'development') {
    const seeded = await seedDevelopmentData(deps.db);
    if (seeded) logger.info('seeded the demo athlete and knowledge articles');
  }

  // Sends jobs always; works them here too unless `pnpm worker` does (JOBS_IN_PROCESS=false).
  const jobs = await startJobs({
    config,
    database: deps.database,
    logger,
    runWorkers: config.jobs.inProcess,
  });
  logger.info({ inProcess: config.jobs.inProcess }, 'background jobs started');

  const lifecycle = createLifecycle();
  const app = createApp({
    deps: { ...deps, jobs: jobs.engine },
    logger,
    lifecycle,
    metrics: observability.metrics,
  });
  const server = await startHttpServer(app, config.server);
  lifecycle.markStarted();
  logger.info({ port: server.port }, 'listening');

  if (config.nodeEnv === 'development' && deps.jwtSecret) {
    const token = await signDevelopmentToken(deps.jwtSecret, config.auth, {
      sub: demoAthleteId,
      role: 'athlete',
    });
    process.stdout.write(
      developmentBanner(`http://localhost:${server.port}`, token, demoAthleteId),
    );
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'signal received');
    shutdownGracefully({
      server,
      // Running jobs finish (or are handed back to the queue) before the pools close.
      deps: { close: () => jobs.stop(config.server.shutdownTimeoutMs).then(() => deps.close()) },
      lifecycle,
      logger,
      graceMs: config.server.shutdownTimeoutMs,
    })
      .then(() => observability.shutdown()) // flush the last spans
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Aria failed to start: ${message}\n`);
  process.exit(1);
});
