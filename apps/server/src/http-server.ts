import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AnswerResponse } from './answer-response.js';
import type { App } from './app.js';
import { answerClientError } from './client-errors.js';

export interface RunningServer {
  readonly port: number;
  /**
   * Stops accepting connections and waits for in-flight requests. After `graceMs`,
   * `cutWork` (if given) stops what still runs, so streams can send their last event; the
   * connections still open `cutFlushMs` later are cut, so shutdown always ends.
   */
  close(graceMs: number, cutWork?: () => void): Promise<void>;
}

/** How long work stopped by `cutWork` has to answer before its connection is cut. */
export const cutFlushMs = 1_000;
/** Connections that finish their last request while closing are closed this often. */
const idleSweepMs = 100;

export function startHttpServer(
  app: App,
  options: { port: number; host: string },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: app.fetch,
      port: options.port,
      hostname: options.host,
      serverOptions: { ServerResponse: AnswerResponse },
    }) as Server;
    server.on('clientError', answerClientError);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({ port, close: (graceMs, cutWork) => closeGracefully(server, graceMs, cutWork) });
    });
  });
}

function closeGracefully(server: Server, graceMs: number, cutWork?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let forceTimer: NodeJS.Timeout | undefined;
    const graceTimer = setTimeout(() => {
      if (cutWork === undefined) {
        server.closeAllConnections();
        return;
      }
      cutWork();
      forceTimer = setTimeout(() => server.closeAllConnections(), cutFlushMs);
    }, graceMs);
    // Keep-alive sockets with no request in flight would hold close() open.
    const idleSweep = setInterval(() => server.closeIdleConnections(), idleSweepMs);
    server.close((error) => {
      clearTimeout(graceTimer);
      clearTimeout(forceTimer);
      clearInterval(idleSweep);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') {
        reject(error);
      } else resolve();
    });
    server.closeIdleConnections();
  });
}
