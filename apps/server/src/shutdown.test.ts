import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from './http-server.js';
import { createLogger } from './logger.js';
import { shutdownGracefully } from './shutdown.js';
import { createTestApp, type TestApp } from './testing/app.js';

/** A promise and the function that settles it: the test decides when things happen. */
function signal() {
  let fire: () => void = () => {};
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fired, fire };
}

let t: TestApp;
const events: string[] = [];
const slowEntered = signal();
const releaseSlow = signal();
const hangEntered = signal();

beforeAll(async () => {
  t = await createTestApp();
  t.app.get('/test/slow', async (c) => {
    slowEntered.fire();
    await releaseSlow.fired;
    events.push('in-flight finished');
    return c.text('finished');
  });
  t.app.get('/test/hang', () => {
    hangEntered.fire();
    return new Promise<Response>(() => {});
  });
});
afterAll(() => t.deps.close());

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new ones, then closes the deps', async () => {
    const server: RunningServer = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
    const inFlight = get(server.port, '/test/slow');
    await slowEntered.fired;

    const shutdown = shutdownGracefully({
      server,
      deps: { close: async () => void events.push('deps closed') },
      lifecycle: t.lifecycle,
      logger: createLogger({ logLevel: 'silent' }),
      drainMs: 0,
      graceMs: 5_000,
    });
    expect(t.lifecycle.draining).toBe(true);
    await expect
      .poll(() =>
        get(server.port, '/health/live').then(
          () => 'served',
          (error) => error.code,
        ),
      )
      .toBe('ECONNREFUSED');
    expect(events).toEqual([]); // the in-flight request is still running, the deps still open

    releaseSlow.fire();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    await shutdown;
    expect(events).toEqual(['in-flight finished', 'deps closed']);
  });

  it('cuts connections that outlive the grace period', async () => {
    const server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
    const hung = get(server.port, '/test/hang').catch((error: NodeJS.ErrnoException) => error.code);
    await hangEntered.fired;
    const startedAt = Date.now();
    await server.close(200);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(await hung).toBe('ECONNRESET');
  });
});
