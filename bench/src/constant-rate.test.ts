import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runConstantRate } from './constant-rate.js';

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const job = (url: string) => ({
  url,
  headers: {},
  connections: 4,
  overallRate: 100,
  warmupSeconds: 0,
  durationSeconds: 1,
  timeoutSeconds: 5,
});

describe('open-loop constant rate', () => {
  it('sends rate × duration requests and rotates the bearer tokens', async () => {
    const seen: string[] = [];
    const server = await serve((request, response) => {
      seen.push(request.headers.authorization ?? '');
      response.end('ok');
    });
    try {
      const result = await runConstantRate(
        { ...job(server.url), bearerTokens: ['a', 'b'] },
        () => {},
      );
      expect(result.responses).toBe(100);
      expect(result.ok2xx).toBe(100);
      expect(seen.filter((value) => value === 'Bearer a')).toHaveLength(50);
      expect(result.maxRequestsPerToken).toBe(50);
    } finally {
      await server.close();
    }
  });

  it('counts latency from when a request was due, so a stall is not hidden by waiting', async () => {
    // Every request that arrives in the first 700 ms is answered at 700 ms. A closed loop of
    // four connections would send only four of them, and its median would be a fast answer.
    // On the schedule the seventy due meanwhile all count, each from its own due time: sorted,
    // the thirty fast answers come first, then the held ones, so the median request is the
    // one due at about 500 ms, which waited about 200 ms.
    const openedAt = performance.now();
    const held: ServerResponse[] = [];
    const server = await serve((_, response) => {
      if (performance.now() - openedAt < 700) held.push(response);
      else response.end('ok');
    });
    setTimeout(() => {
      for (const response of held) response.end('ok');
    }, 700);
    try {
      const result = await runConstantRate(job(server.url), () => {});
      expect(result.responses).toBe(100);
      expect(result.latencyP50Ms).toBeGreaterThanOrEqual(150);
      expect(result.latencyP99Ms).toBeGreaterThanOrEqual(400);
    } finally {
      await server.close();
    }
  });

  it('counts errors and non-2xx answers apart from successes', async () => {
    let count = 0;
    const server = await serve((request, response) => {
      count += 1;
      if (count % 10 === 0) request.socket.destroy();
      else if (count % 10 === 1) response.writeHead(503).end();
      else response.end('ok');
    });
    try {
      const result = await runConstantRate(job(server.url), () => {});
      expect(result.errors).toBe(10);
      expect(result.non2xx).toBe(10);
      expect(result.ok2xx).toBe(80);
      expect(result.statusCodes).toEqual({ 200: 80, 503: 10 });
    } finally {
      await server.close();
    }
  });
});
