import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstashStore } from './upstash.js';

// With the client's defaults a command to an unreachable Redis was retried for ~4.3 s, and one
// to a Redis that never answers waited forever; every caller hung that long.
describe('Upstash store when Redis is unreachable', () => {
  let hanging: Server;
  let hangingUrl: string;

  beforeAll(async () => {
    hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  async function elapsed(run: () => Promise<unknown>): Promise<number> {
    const startedAt = performance.now();
    await expect(run()).rejects.toThrow();
    return performance.now() - startedAt;
  }

  it('fails fast on a dead port with the default retry', async () => {
    const kv = createUpstashStore({ url: 'http://127.0.0.1:9', token: 't' });
    expect(await elapsed(() => kv.get('k'))).toBeLessThan(500);
    expect(await elapsed(() => kv.increment('k', { ttlSeconds: 5 }))).toBeLessThan(500);
  });

  it('gives up on a Redis that never answers after its timeout', async () => {
    const kv = createUpstashStore({ url: hangingUrl, token: 't' }, { timeoutMs: 200 });
    const took = await elapsed(() => kv.get('k'));
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1_000);
  });
});
