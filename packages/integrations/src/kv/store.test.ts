import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kvTestSuite, kvTestTargets } from '../testing/index.js';
import { createUpstashStore } from './upstash.js';

// One contract, two backends: the in-process store and the Upstash client talking to the
// real redis-server through the local REST bridge.
describe.each(kvTestTargets())('KeyValueStore contract: $name', (target) => {
  const suite = kvTestSuite(target);
  beforeAll(suite.setup);
  beforeEach(suite.guard);
  afterAll(suite.teardown);
  const kv = () => suite.current().store;

  it('round-trips JSON values and hands out copies', async () => {
    const profile = { name: 'Ada ✓', events: ['60m', '100m'], pb: { '60m': 7.12 }, coach: null };
    await kv().set('profile', profile);
    await kv().set('text', '123');
    await kv().set('number', 42);
    await kv().set('flag', false);

    const stored = await kv().get<typeof profile>('profile');
    expect(stored).toEqual(profile);
    expect(await kv().get('text')).toBe('123');
    expect(await kv().get('number')).toBe(42);
    expect(await kv().get('flag')).toBe(false);

    profile.events.push('200m');
    stored?.events.push('400m');
    expect(await kv().get<typeof profile>('profile')).toEqual({
      ...profile,
      events: ['60m', '100m'],
    });
  });

  it('answers null for a missing key', async () => {
    expect(await kv().get('never-set')).toBeNull();
  });

  it('rejects values that are not JSON and TTLs that are not whole seconds', async () => {
    await expect(kv().set('undefined', undefined)).rejects.toThrow(TypeError);
    for (const ttlSeconds of [0, -1, 1.5]) {
      await expect(kv().set('bad-ttl', 1, { ttlSeconds })).rejects.toThrow(RangeError);
      await expect(kv().increment('bad-ttl', { ttlSeconds })).rejects.toThrow(RangeError);
    }
  });

  it('expires keys after their TTL; increment sets it only when creating the key', async () => {
    await Promise.all([
      kv().set('ttl:set', { v: 1 }, { ttlSeconds: 1 }),
      kv().increment('ttl:counter', { ttlSeconds: 1 }),
      kv().set('ttl:replaced', 'a', { ttlSeconds: 1 }),
      kv().increment('ttl:existing'),
    ]);
    await kv().set('ttl:replaced', 'b'); // a plain set clears the earlier expiry
    await kv().increment('ttl:existing', { ttlSeconds: 1 }); // existing key: no expiry added
    expect(await kv().get('ttl:set')).toEqual({ v: 1 });
    expect(await kv().get('ttl:counter')).toBe(1);

    await sleep(1_100);

    expect(await kv().get('ttl:set')).toBeNull();
    expect(await kv().get('ttl:counter')).toBeNull();
    expect(await kv().get('ttl:replaced')).toBe('b');
    expect(await kv().get('ttl:existing')).toBe(2);
    expect(await kv().increment('ttl:counter', { ttlSeconds: 60 })).toBe(1);
  });

  it('increments atomically under 50 concurrent calls', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => kv().increment('hits', { ttlSeconds: 60 })),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await kv().get('hits')).toBe(50);
  });

  it('refuses to increment a value that is not an integer', async () => {
    await kv().set('not-a-number', { n: 1 });
    await kv().set('fraction', 1.5);
    await expect(kv().increment('not-a-number')).rejects.toThrow(/not an integer/);
    await expect(kv().increment('fraction')).rejects.toThrow(/not an integer/);
  });

  it('setMax never moves a value back, even under 50 concurrent calls', async () => {
    expect(await kv().setMax('max', 10)).toBe(10);
    expect(await kv().setMax('max', 5)).toBe(10);
    expect(await kv().get('max')).toBe(10);
    const values = Array.from({ length: 50 }, (_, i) => 1_700_000_000 + ((i * 37) % 50));
    await Promise.all(values.map((value) => kv().setMax('max:race', value, { ttlSeconds: 60 })));
    expect(await kv().get('max:race')).toBe(Math.max(...values));
    await kv().set('max:text', 'not a number');
    expect(await kv().setMax('max:text', 3)).toBe(3);
    await expect(kv().setMax('max', 1.5)).rejects.toThrow(RangeError);
  });

  it('setMax replaces the expiry, as set does', async () => {
    await kv().setMax('max:ttl', 7, { ttlSeconds: 1 });
    await kv().setMax('max:kept', 7, { ttlSeconds: 1 });
    await kv().setMax('max:kept', 3);
    await sleep(1_100);
    expect(await kv().get('max:ttl')).toBeNull();
    expect(await kv().get('max:kept')).toBe(7);
  });

  it('deletes keys and counts only those that existed', async () => {
    await Promise.all([kv().set('del:a', 1), kv().set('del:b', 2)]);
    expect(await kv().delete('del:a', 'del:b', 'del:missing')).toBe(2);
    expect(await kv().delete('del:a')).toBe(0);
    expect(await kv().delete()).toBe(0);
    expect(await kv().get('del:a')).toBeNull();
  });

  it('deletes by prefix across many SCAN pages, and only that prefix', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `cache:athlete:${i}`);
    await Promise.all(keys.map((key) => kv().set(key, { key })));
    await Promise.all([
      kv().set('cache:athletes', 'sibling with a longer name'),
      kv().set('cache:plan:1', 'other prefix'),
      kv().set('glob*[x]:1', 'literal glob characters'),
      kv().set('globA[x]:1', 'would match if * were a wildcard'),
    ]);

    expect(await kv().deleteByPrefix('cache:athlete:')).toBe(150);
    expect(await kv().get('cache:athlete:0')).toBeNull();
    expect(await kv().get('cache:athletes')).toBe('sibling with a longer name');
    expect(await kv().get('cache:plan:1')).toBe('other prefix');
    expect(await kv().deleteByPrefix('cache:athlete:')).toBe(0);

    expect(await kv().deleteByPrefix('glob*[')).toBe(1);
    expect(await kv().get('globA[x]:1')).toBe('would match if * were a wildcard');
  });

  it('answers ping', async () => {
    await expect(kv().ping()).resolves.toBeUndefined();
  });

  // Only the Upstash client has a token to get wrong; the memory store has no such test.
  if (target.name === 'upstash→redis') {
    it('rejects ping with a bad token', async () => {
      const upstash = suite.current().upstash;
      if (upstash === undefined) throw new Error('no bridge');
      const wrong = createUpstashStore({ url: upstash.url, token: 'wrong' }, { retry: false });
      await expect(wrong.ping()).rejects.toThrow(/Unauthorized/);
      await wrong.close();
    });

    it('sends the commands of one tick in one round trip; a failing one fails alone', async () => {
      const upstash = suite.current().upstash;
      const redis = suite.current().redis;
      if (upstash === undefined || redis === undefined) throw new Error('no bridge');
      await kv().set('piped:a', { n: 1 });
      await redis.hset(`${suite.current().prefix}piped:hash`, { field: 'x' });
      const before = upstash.requests.length;
      const [a, missing, wrongType] = await Promise.allSettled([
        kv().get('piped:a'),
        kv().get('piped:none'),
        kv().get('piped:hash'), // GET on a hash: Redis answers WRONGTYPE for this command only
      ]);
      expect(upstash.requests.slice(before)).toEqual(['/pipeline']);
      expect(a).toEqual({ status: 'fulfilled', value: { n: 1 } });
      expect(missing).toEqual({ status: 'fulfilled', value: null });
      expect(wrongType.status).toBe('rejected');
    });
  }
});
