import { type RunningServer, startHttpServer } from '../../../apps/server/src/http-server.js';
// The real server app (Hono on in-memory PGlite, the built-in coach), served over HTTP.
import { createTestApp, type TestApp } from '../../../apps/server/src/testing/app.js';

export interface AriaTestServer {
  readonly app: TestApp;
  /** The tRPC endpoint, e.g. `http://127.0.0.1:40123/trpc`. */
  readonly url: string;
  readonly origin: string;
  tokenFor(sub: string): Promise<string>;
  /** Moves the server's clock forward (rate windows, months). */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** The real Aria server over HTTP on a free port, with a clock the test can move. */
export async function startAriaServer(env: Record<string, string> = {}): Promise<AriaTestServer> {
  let offset = 0;
  const app = await createTestApp(env, { now: () => new Date(Date.now() + offset) });
  const server: RunningServer = await startHttpServer(app.app, { port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    app,
    url: `${origin}/trpc`,
    origin,
    tokenFor: (sub) => app.tokenFor(sub),
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await server.close(1_000);
      await app.deps.close();
    },
  };
}
