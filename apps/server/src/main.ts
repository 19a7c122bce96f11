import { createAnalysisRunner } from '@aria/api';
import { ConfigError, loadConfig } from '@aria/config';
import { demoAthleteId, migrate } from '@aria/db';
import { startJobs } from '@aria/jobs';
import { createApp } from './app.js';
import { createDeps } from './deps.js';
import { type Demo, prepareDemo } from './dev/demo.js';
import { developmentBanner, signDevelopmentToken } from './dev/development-access.js';
import { startHttpServer } from './http-server.js';
import { createLifecycle } from './lifecycle.js';
import { createLogger } from './logger.js';
import { startObservability, withAiMetrics } from './observability/index.js';
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
  await observability.observeDatabase(deps.database);
  if (config.server.migrateOnStart) {
    await migrate(deps.database);
    logger.info({ database: deps.database.driver, kv: deps.kv.driver }, 'database migrated');
  } else {
    logger.info(
      { database: deps.database.driver, kv: deps.kv.driver },
      'migrations left to the migration job',
    );
  }

  let demo: Demo | undefined;
  if (config.nodeEnv === 'development') {
    demo = await prepareDemo(deps, logger);
    if (demo.seeded) logger.info('seeded the demo athletes, their history and knowledge articles');
  }

  // Sends jobs always; works them here too unless `pnpm worker` does (JOBS_IN_PROCESS=false).
  const jobs = await startJobs({
    config,
    database: deps.database,
    logger,
    runWorkers: config.jobs.inProcess,
    analyzeMedia: createAnalysisRunner({
      db: deps.db,
      ai: withAiMetrics(deps.ai, observability.metrics),
      frames: deps.frames,
      logger,
    }),
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

  // Ctrl-C in a terminal reaches this process twice within moments: from the terminal and
  // forwarded by the watcher or pnpm. Only a signal after that means "exit now".
  let stoppingSince: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < 1_000) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'signal received');
    shutdownGracefully({
      server,
      // Running jobs finish (or are handed back to the queue) before the pools close.
      deps: { close: () => jobs.stop(config.server.shutdownTimeoutMs).then(() => deps.close()) },
      lifecycle,
      logger,
      // Ctrl-C at a terminal has no load balancer to wait for.
      drainMs: signal === 'SIGINT' ? 0 : config.server.shutdownDrainMs,
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

  if (demo && deps.jwtSecret) {
    const token = await signDevelopmentToken(deps.jwtSecret, config.auth, {
      sub: demoAthleteId,
      role: 'athlete',
    });
    process.stdout.write(
      developmentBanner({
        baseUrl: `http://localhost:${server.port}`,
        config: deps.config,
        athleteId: demoAthleteId,
        token,
        planId: demo.planId,
      }),
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Aria failed to start: ${message}\n`);
  process.exit(1);
});
