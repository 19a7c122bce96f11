import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerDeps } from './deps.js';
import type { RunningServer } from './http-server.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';

/**
 * SIGTERM path, in this order: readiness fails (503) and the server keeps serving for
 * `drainMs`, so load balancers take it out of rotation; then it stops accepting and waits up
 * to `graceMs` for in-flight requests; work still running then is cut (streams end with an
 * `error` event and are refunded); then pools close.
 */
export async function shutdownGracefully(parts: {
  server: RunningServer;
  deps: Pick<ServerDeps, 'close'>;
  lifecycle: Lifecycle;
  logger: Logger;
  drainMs: number;
  graceMs: number;
}): Promise<void> {
  const { server, deps, lifecycle, logger, drainMs, graceMs } = parts;
  lifecycle.markDraining();
  logger.info({ drainMs }, 'shutting down: readiness fails while load balancers notice');
  if (drainMs > 0) await sleep(drainMs);
  logger.info({ graceMs }, 'shutting down: no new connections, finishing in-flight requests');
  await server.close(graceMs, () => {
    logger.warn('shutting down: stopping the requests still running');
    lifecycle.cutWork();
  });
  await deps.close();
  logger.info('shutdown complete');
}
