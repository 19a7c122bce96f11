import { kvTestSuite, kvTestTargets } from '@aria/integrations/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  invalidateKnowledgeCache,
  knowledgeGenerationKey,
  readThrough,
} from './knowledge-cache.js';
import { createDegradation, type DegradedUse } from './resilience/degradation.js';

const same = <T>(value: T) => value;

describe.each(kvTestTargets())('knowledge cache: $name', (target) => {
  const suite = kvTestSuite(target);
  beforeAll(suite.setup);
  beforeEach(suite.guard);
  afterAll(suite.teardown);
  const kv = () => suite.current().store;

  it('a reader that loaded before an invalidation never serves its stale copy', async () => {
    let database = 'v1';
    let started = () => {};
    let release = () => {};
    const loading = new Promise<void>((resolve) => {
      started = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The slow reader reads v1, then waits while the admin writes v2 and invalidates.
    const slow = readThrough(
      { kv: kv() },
      'article:race',
      3600,
      async () => {
        const seen = database;
        started();
        await gate;
        return seen;
      },
      same,
    );
    await loading;
    database = 'v2';
    await invalidateKnowledgeCache({ kv: kv() });
    release();
    expect(await slow).toBe('v1'); // its own answer, and now stored under the old generation
    const load = async () => database;
    expect(await readThrough({ kv: kv() }, 'article:race', 3600, load, same)).toBe('v2');
    database = 'v3'; // v2 is cached now: a hit, until the next invalidation
    expect(await readThrough({ kv: kv() }, 'article:race', 3600, load, same)).toBe('v2');
    await invalidateKnowledgeCache({ kv: kv() });
    expect(await readThrough({ kv: kv() }, 'article:race', 3600, load, same)).toBe('v3');
    expect(await kv().get(knowledgeGenerationKey)).toBe(2);
  });
});

describe('knowledge cache without Redis', () => {
  it('reads the database and reports each step it skipped', async () => {
    const { createUpstashStore } = await import('@aria/integrations');
    const kv = createUpstashStore({ url: 'http://127.0.0.1:9', token: 't' }, { retry: false });
    const degradation = createDegradation();
    const seen: DegradedUse[] = [];
    degradation.subscribe((use) => seen.push(use));
    const value = await readThrough({ kv, degradation }, 'list:x', 60, async () => ['a'], same);
    expect(value).toEqual(['a']);
    await invalidateKnowledgeCache({ kv, degradation });
    expect(seen).toEqual(['cache', 'cache_invalidation']);
  });
});
