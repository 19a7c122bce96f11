import { describe, expect, it } from 'vitest';
import { createKeyValueStore } from './create.js';
import { createMemoryStore } from './memory.js';
import { withKeyPrefix } from './prefixed.js';

describe('createKeyValueStore', () => {
  it('uses memory when Redis is not configured', async () => {
    const kv = createKeyValueStore({ redis: undefined });
    expect(kv.driver).toBe('memory');
    await kv.close();
  });

  it('uses Upstash, exposing its client, when Redis is configured', async () => {
    const kv = createKeyValueStore({ redis: { url: 'http://127.0.0.1:9', token: 't' } });
    expect(kv.driver).toBe('upstash');
    if (kv.driver === 'upstash') expect(typeof kv.redis.eval).toBe('function');
    await kv.close();
  });
});

describe('deleteByPrefix guards', () => {
  it('refuses an empty prefix on a whole store', async () => {
    const kv = createMemoryStore();
    await expect(kv.deleteByPrefix('')).rejects.toThrow(RangeError);
    await kv.close();
  });

  it('clears only its own namespace through withKeyPrefix', async () => {
    const kv = createMemoryStore();
    const scoped = withKeyPrefix(kv, 'ns:');
    await Promise.all([scoped.set('a', 1), scoped.set('b', 2), kv.set('outside', 3)]);
    expect(await kv.get('ns:a')).toBe(1);
    expect(await scoped.deleteByPrefix('')).toBe(2);
    expect(await kv.get('outside')).toBe(3);
    await scoped.close();
  });
});
