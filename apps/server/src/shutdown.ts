import type { ServerDeps } from './deps.js';
import type { RunningServer } from './http-server.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';

/** SIGTERM path: fail readiness, drain HTTP, then close pools, in that order. */
export async function shutdownGracefully(parts: {
  server: RunningServer;
  deps: Pick<ServerDeps, 'close'>;
  lifecycle: Lifecycle;
  logger: Logger;
  graceMs: number;
}): Promise<void> {
  const { server, deps, lifecycle, logger, graceMs } = parts;
  lifecycle.markDraining();
  logger.info({ graceMs }, 'shutting down: draining in-flight requests');
  await server.close(graceMs);
  await deps.close();
  logger.info('shutdown complete');
}
