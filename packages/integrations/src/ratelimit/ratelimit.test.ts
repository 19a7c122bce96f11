import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../kv/memory.js';
import { createUpstashStore } from '../kv/upstash.js';
import { kvTestSuite, kvTestTargets } from '../testing/index.js';
import { createRateLimiter } from './create.js';
import { createMemoryRateLimiter } from './memory.js';
import type { RateLimiter } from './types.js';
import { createUpstashRateLimiter } from './upstash.js';

/** Waits until at least `marginMs` remain in the current epoch-aligned window. */
async function awayFromWindowEnd(windowMs: number, marginMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 20);
}

// One contract, two backends: the in-process limiter and @upstash/ratelimit talking to the
// real redis-server through the local Upstash REST bridge.
describe.each(kvTestTargets())('RateLimiter contract: $name', (target) => {
  const suite = kvTestSuite(target);
  let limiter: RateLimiter;
  beforeAll(async () => {
    await suite.setup();
    if (target.skipReason !== undefined) return;
    const { redis, prefix } = suite.current();
    limiter =
      redis === undefined
        ? createMemoryRateLimiter()
        : createUpstashRateLimiter(redis, { prefix: `${prefix}rl` });
  });
  beforeEach(suite.guard);
  afterAll(suite.teardown);
  const key = () => `user:${randomUUID()}`;

  it("reset forgets a key's calls in the named windows only, and no other key's", async () => {
    await awayFromWindowEnd(60_000, 5_000);
    const [caller, other] = [key(), key()];
    const minute = { limit: 2, windowSeconds: 60 };
    const hour = { limit: 2, windowSeconds: 3_600 };
    for (const rule of [minute, minute, hour, hour]) await limiter.limit(caller, rule);
    await limiter.limit(other, minute);
    await limiter.limit(other, minute);
    expect((await limiter.limit(caller, minute)).success).toBe(false);

    await limiter.reset(caller, [60]);
    expect(await limiter.limit(caller, minute)).toMatchObject({ success: true, remaining: 1 });
    expect((await limiter.limit(caller, hour)).success).toBe(false);
    expect((await limiter.limit(other, minute)).success).toBe(false);
  });

  describe('limitEach (minute, then hour)', () => {
    const minute = { limit: 2, windowSeconds: 60 };
    const hour = { limit: 3, windowSeconds: 3_600 };

    it('answers the window with the fewest calls left, and counts the calls limit counts', async () => {
      await awayFromWindowEnd(60_000, 5_000);
      const caller = key();
      expect(await limiter.limitEach(caller, [minute, hour])).toMatchObject({
        success: true,
        limit: 2,
        remaining: 1,
      });
      expect(await limiter.limit(caller, hour)).toMatchObject({ success: true, remaining: 1 });
      expect(await limiter.limitEach(caller, [minute, hour])).toMatchObject({
        success: true,
        remaining: 0,
      });
      const refused = await limiter.limitEach(caller, [minute, hour]);
      expect(refused).toMatchObject({ success: false, limit: 2, remaining: 0 });
      expect(refused.reset % 60_000).toBe(0);
      expect(refused.reset - Date.now()).toBeLessThanOrEqual(60_000);
    });

    it('does not spend the hour on a call the minute refuses', async () => {
      await awayFromWindowEnd(60_000, 5_000);
      const caller = key();
      for (let i = 0; i < 5; i++) await limiter.limitEach(caller, [minute, hour]);
      // Two passed the minute and counted in the hour; three were refused by the minute only.
      expect(await limiter.limit(caller, hour)).toMatchObject({ success: true, remaining: 0 });
    });

    it('answers the hour refusal once the hour is spent', async () => {
      await awayFromWindowEnd(60_000, 5_000);
      const caller = key();
      const wide = { limit: 10, windowSeconds: 60 };
      for (let i = 0; i < 3; i++) await limiter.limitEach(caller, [wide, hour]);
      expect(await limiter.limitEach(caller, [wide, hour])).toMatchObject({
        success: false,
        limit: 3,
        remaining: 0,
      });
    });

    it('lets exactly the minute limit of 30 concurrent calls through', async () => {
      await awayFromWindowEnd(60_000, 5_000);
      const caller = key();
      const decisions = await Promise.all(
        Array.from({ length: 30 }, () =>
          limiter.limitEach(caller, [
            { limit: 7, windowSeconds: 60 },
            { limit: 100, windowSeconds: 3_600 },
          ]),
        ),
      );
      expect(decisions.filter((decision) => decision.success)).toHaveLength(7);
      expect(await limiter.limit(caller, { limit: 100, windowSeconds: 3_600 })).toMatchObject({
        remaining: 100 - 8,
      });
    });
  });

  it('lets exactly `limit` of 50 concurrent calls through', async () => {
    await awayFromWindowEnd(60_000, 5_000);
    const caller = key();
    const decisions = await Promise.all(
      Array.from({ length: 50 }, () => limiter.limit(caller, { limit: 10, windowSeconds: 60 })),
    );
    const passed = decisions.filter((decision) => decision.success);
    expect(passed).toHaveLength(10);
    expect(passed.map((decision) => decision.remaining).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    for (const refused of decisions.filter((decision) => !decision.success)) {
      expect(refused).toMatchObject({ limit: 10, remaining: 0 });
    }
    expect(new Set(decisions.map((decision) => decision.reset)).size).toBe(1);
  });

  it('reports the limit, what remains and the epoch-aligned end of the window', async () => {
    await awayFromWindowEnd(60_000, 2_000);
    const caller = key();
    const before = Date.now();
    const first = await limiter.limit(caller, { limit: 3, windowSeconds: 60 });
    expect(first).toMatchObject({ success: true, limit: 3, remaining: 2 });
    expect(first.reset % 60_000).toBe(0);
    expect(first.reset).toBeGreaterThan(before);
    expect(first.reset - before).toBeLessThanOrEqual(60_000);
    expect(await limiter.limit(caller, { limit: 3, windowSeconds: 60 })).toMatchObject({
      success: true,
      remaining: 1,
      reset: first.reset,
    });
  });

  it('opens a fresh window once the old one resets', async () => {
    await awayFromWindowEnd(1_000, 600);
    const caller = key();
    const rule = { limit: 2, windowSeconds: 1 };
    const burst = await Promise.all([1, 2, 3].map(() => limiter.limit(caller, rule)));
    expect(burst.filter((decision) => decision.success)).toHaveLength(2);
    const reset = Math.max(...burst.map((decision) => decision.reset));

    await sleep(reset - Date.now() + 30);
    const next = await limiter.limit(caller, rule);
    expect(next).toMatchObject({ success: true, limit: 2, remaining: 1 });
    expect(next.reset).toBe(reset + 1_000);
  });

  it('keeps keys and window lengths apart, and shares a count across limits', async () => {
    await awayFromWindowEnd(60_000, 2_000);
    const [a, b] = [key(), key()];
    expect(await limiter.limit(a, { limit: 1, windowSeconds: 60 })).toMatchObject({
      success: true,
    });
    expect(await limiter.limit(a, { limit: 1, windowSeconds: 60 })).toMatchObject({
      success: false,
    });
    expect(await limiter.limit(b, { limit: 1, windowSeconds: 60 })).toMatchObject({
      success: true,
    });
    expect(await limiter.limit(a, { limit: 1, windowSeconds: 3600 })).toMatchObject({
      success: true,
    });
    // Same key and window, a higher limit (say, after an upgrade): the 2 calls so far count.
    expect(await limiter.limit(a, { limit: 5, windowSeconds: 60 })).toMatchObject({
      success: true,
      limit: 5,
      remaining: 2,
    });
  });

  it('refuses everything with a limit of 0, and rejects rules it cannot honour', async () => {
    expect(await limiter.limit(key(), { limit: 0, windowSeconds: 60 })).toMatchObject({
      success: false,
      limit: 0,
      remaining: 0,
    });
    for (const rule of [
      { limit: -1, windowSeconds: 60 },
      { limit: 1.5, windowSeconds: 60 },
      { limit: 1, windowSeconds: 0 },
      { limit: 1, windowSeconds: 0.5 },
    ]) {
      await expect(limiter.limit(key(), rule)).rejects.toThrow(RangeError);
    }
  });
});

describe('createMemoryRateLimiter with an injected clock', () => {
  it('counts in epoch-aligned windows of the given clock', async () => {
    let now = 1_700_000_020_000; // 40 s into a minute
    const limiter = createMemoryRateLimiter(() => now);
    const rule = { limit: 2, windowSeconds: 60 };
    expect(await limiter.limit('k', rule)).toEqual({
      success: true,
      limit: 2,
      remaining: 1,
      reset: 1_700_000_040_000,
    });
    now += 19_999;
    expect(await limiter.limit('k', rule)).toMatchObject({ success: true, remaining: 0 });
    expect(await limiter.limit('k', rule)).toMatchObject({ success: false, remaining: 0 });
    now += 1;
    expect(await limiter.limit('k', rule)).toEqual({
      success: true,
      limit: 2,
      remaining: 1,
      reset: 1_700_000_100_000,
    });
  });
});

describe('createRateLimiter', () => {
  it('uses the in-process limiter for the memory store', async () => {
    const store = createMemoryStore();
    const limiter = createRateLimiter(store, { now: () => 30_000 });
    expect(await limiter.limit('k', { limit: 1, windowSeconds: 60 })).toEqual({
      success: true,
      limit: 1,
      remaining: 0,
      reset: 60_000,
    });
    await store.close();
  });

  it('uses Redis for the Upstash store', async () => {
    const store = createUpstashStore({ url: 'http://127.0.0.1:9', token: 't' }, { retry: false });
    const limiter = createRateLimiter(store);
    // Nothing listens on port 9: the call must go to Redis, not be answered in process.
    await expect(limiter.limit('k', { limit: 1, windowSeconds: 60 })).rejects.toThrow();
  });
});

describe('createUpstashRateLimiter when Redis does not answer in time', () => {
  it('lets the call through as a degraded decision, not as a limit of 0', async () => {
    // Accepts the request and never answers: the library's timeout decides.
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const store = createUpstashStore(
      { url: `http://127.0.0.1:${port}`, token: 't' },
      { retry: false },
    );
    try {
      const limiter = createUpstashRateLimiter(store.redis, { prefix: 'rl', timeoutMs: 50 });
      const decision = await limiter.limit('k', { limit: 1, windowSeconds: 60 });
      expect(decision).toMatchObject({ success: true, degraded: true });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
