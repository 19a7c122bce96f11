import type { KeyValueStore } from '@aria/integrations';
import { type Degradation, degradeTo } from './resilience/degradation.js';

/** Every knowledge cache entry starts here (metrics count lookups by this prefix). */
export const knowledgeCachePrefix = 'cache:knowledge:';
/**
 * The cache generation: every write bumps it and every key includes it, so an entry stored
 * by a reader that loaded before the write is never read again (it expires on its TTL).
 */
export const knowledgeGenerationKey = 'cache-generation:knowledge';
export const knowledgeListTtlSeconds = 300;
export const knowledgeArticleTtlSeconds = 3600;

export interface CacheDeps {
  readonly kv: KeyValueStore;
  readonly degradation?: Degradation | undefined;
}

/** The key of `name` in the current generation. */
export async function knowledgeCacheKey(kv: KeyValueStore, name: string): Promise<string> {
  const generation = (await kv.get<number>(knowledgeGenerationKey)) ?? 0;
  return `${knowledgeCachePrefix}g${generation}:${name}`;
}

/**
 * Read-through cache: a hit is revived (JSON loses Dates), a miss is loaded and stored.
 * Without Redis it loads from the database every time (reported as `cache`).
 */
export async function readThrough<T>(
  deps: CacheDeps,
  name: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  revive: (cached: T) => T,
): Promise<T> {
  const { kv, degradation } = deps;
  const lookup = await degradeTo(
    degradation,
    'cache',
    async () => {
      const key = await knowledgeCacheKey(kv, name);
      return { key, cached: await kv.get<T>(key) };
    },
    undefined,
  );
  if (lookup?.cached !== null && lookup?.cached !== undefined) return revive(lookup.cached);
  const fresh = await load();
  if (lookup && fresh !== undefined && fresh !== null) {
    await degradeTo(
      degradation,
      'cache',
      () => kv.set(lookup.key, fresh, { ttlSeconds }),
      undefined,
    );
  }
  return fresh;
}

/** Starts a new generation, then drops the old entries (they could no longer be read). */
export async function invalidateKnowledgeCache(deps: CacheDeps): Promise<void> {
  await degradeTo(
    deps.degradation,
    'cache_invalidation',
    async () => {
      await deps.kv.increment(knowledgeGenerationKey);
      await deps.kv.deleteByPrefix(knowledgeCachePrefix);
    },
    undefined,
  );
}
