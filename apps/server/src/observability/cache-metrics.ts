import type { KeyValueStore } from '@aria/integrations';
import type { AriaMetrics } from '@aria/metrics';

/**
 * Key prefixes of the read-through caches in `@aria/api` (`knowledgeCachePrefix` in
 * `knowledge-cache.ts`, not exported by the package). A lookup is a `get` under one of them;
 * `built-server.test.ts` fails if real knowledge traffic stops matching.
 */
export const cachePrefixes: Readonly<Record<string, string>> = {
  knowledge: 'cache:knowledge:',
};

function cacheOf(key: string): string | undefined {
  for (const [cache, prefix] of Object.entries(cachePrefixes)) {
    if (key.startsWith(prefix)) return cache;
  }
  return undefined;
}

/**
 * The same store, counting hits and misses of cache reads into `aria_cache_lookups_total`.
 * Every other call goes straight to the store.
 */
export function withCacheMetrics<S extends KeyValueStore>(store: S, metrics: AriaMetrics): S {
  const get = async <T>(key: string): Promise<T | null> => {
    const value = await store.get<T>(key);
    const cache = cacheOf(key);
    if (cache) metrics.cacheLookups.inc({ cache, result: value === null ? 'miss' : 'hit' });
    return value;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'get') return get;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
