import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors } from '@upstash/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpstashRequester, type UpstashRequesterOptions } from './upstash-requester.js';

interface Seen {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (request: Seen, response: ServerResponse, attempt: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Handler) {
  const seen: Seen[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const entry = { path: request.url ?? '', headers: request.headers, body };
      seen.push(entry);
      handler(entry, response, seen.length);
    });
  });
  server.on('connection', () => {
    connections++;
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, connections: () => connections };
}

const json = (response: ServerResponse, status: number, value: unknown, headers = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
};

const requesterFor = (url: string, options: Partial<UpstashRequesterOptions> = {}) =>
  createUpstashRequester({ url, token: 'secret', retry: false, timeoutMs: 1_000, ...options });

describe('Upstash REST requester over node:http', () => {
  it('posts the command as JSON with the bearer token and returns the answer as sent', async () => {
    const server = await serve((_, response) => json(response, 200, { result: 'v' }));
    const requester = requesterFor(`${server.url}/base/`);
    expect(await requester.request({ body: ['GET', 'k'] })).toEqual({ result: 'v' });
    expect(await requester.request({ path: ['pipeline'], body: [['GET', 'k']] })).toEqual({
      result: 'v',
    });
    expect(server.seen.map((request) => request.path)).toEqual(['/base', '/base/pipeline']);
    const [first] = server.seen;
    expect(first?.body).toBe('["GET","k"]');
    expect(first?.headers.authorization).toBe('Bearer secret');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.headers['upstash-encoding']).toBeUndefined();
    requester.close();
  });

  it('keeps one connection alive across sequential commands', async () => {
    const server = await serve((_, response) => json(response, 200, { result: 1 }));
    const requester = requesterFor(server.url);
    for (let i = 0; i < 5; i++) await requester.request({ body: ['INCR', 'k'] });
    expect(server.connections()).toBe(1);
    requester.close();
  });

  it('throws UpstashError with the server message and the command on a non-2xx answer', async () => {
    const server = await serve((_, response) => json(response, 400, { error: 'ERR wrong type' }));
    const requester = requesterFor(server.url);
    const failure = requester.request({ body: ['INCR', 'k'] });
    await expect(failure).rejects.toBeInstanceOf(errors.UpstashError);
    await expect(failure).rejects.toThrow('ERR wrong type, command was: ["INCR","k"]');
    requester.close();
  });

  it('throws UpstashJSONParseError on an answer that is not JSON', async () => {
    const server = await serve((_, response) => response.end('<html>'));
    const requester = requesterFor(server.url);
    await expect(requester.request({ body: ['GET', 'k'] })).rejects.toBeInstanceOf(
      errors.UpstashJSONParseError,
    );
    requester.close();
  });

  it('sends back the upstash-sync-token the last answer carried', async () => {
    const server = await serve((_, response, attempt) =>
      json(response, 200, { result: 'OK' }, { 'upstash-sync-token': `t${attempt}` }),
    );
    const requester = requesterFor(server.url);
    await requester.request({ body: ['SET', 'k', 'v'] });
    await requester.request({ body: ['GET', 'k'] });
    expect(server.seen.map((request) => request.headers['upstash-sync-token'])).toEqual([
      undefined,
      't1',
    ]);
    expect(requester.upstashSyncToken).toBe('t2');
    requester.close();
  });

  it('retries a dropped connection and answers from the next attempt', async () => {
    const server = await serve((_, response, attempt) => {
      if (attempt === 1) response.socket?.destroy();
      else json(response, 200, { result: 'after retry' });
    });
    const requester = requesterFor(server.url, { retry: { retries: 1, backoff: () => 10 } });
    expect(await requester.request({ body: ['GET', 'k'] })).toEqual({ result: 'after retry' });
    expect(server.seen).toHaveLength(2);
    requester.close();
  });

  it('does not retry without retries and rejects with the network error', async () => {
    const server = await serve((_, response) => response.socket?.destroy());
    const requester = requesterFor(server.url);
    await expect(requester.request({ body: ['GET', 'k'] })).rejects.toThrow();
    expect(server.seen).toHaveLength(1);
    requester.close();
  });

  it('gives all attempts together one deadline', async () => {
    const server = await serve((_, response) => response.socket?.destroy());
    const requester = requesterFor(server.url, {
      retry: { retries: 100, backoff: () => 40 },
      timeoutMs: 250,
    });
    const startedAt = performance.now();
    const failure = requester.request({ body: ['GET', 'k'] });
    await expect(failure).rejects.toMatchObject({ name: 'TimeoutError' });
    const took = performance.now() - startedAt;
    expect(took).toBeGreaterThanOrEqual(240);
    expect(took).toBeLessThan(800);
    expect(server.seen.length).toBeGreaterThan(1);
    expect(server.seen.length).toBeLessThan(100);
    requester.close();
  });

  it('abandons a command when its own signal fires', async () => {
    const server = await serve(() => {});
    const requester = requesterFor(server.url, { timeoutMs: 5_000 });
    const controller = new AbortController();
    const failure = requester.request({ body: ['GET', 'k'], signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(failure).rejects.toMatchObject({ name: 'AbortError' });
    requester.close();
  });

  it('refuses streaming commands it cannot carry', async () => {
    const requester = requesterFor('http://127.0.0.1:9');
    await expect(
      requester.request({ path: ['subscribe', 'c'], isStreaming: true, onMessage: () => {} }),
    ).rejects.toThrow('not supported');
    requester.close();
  });
});
