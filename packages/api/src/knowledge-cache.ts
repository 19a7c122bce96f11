import type { KeyValueStore } from '@aria/integrations';

/** Every knowledge cache key starts here, so one prefix delete invalidates them all. */
export const knowledgeCachePrefix = 'cache:knowledge:';
export const knowledgeListTtlSeconds = 300;
export const knowledgeArticleTtlSeconds = 3600;

/** Read-through cache: a hit is revived (JSON loses Dates), a miss is loaded and stored. */
export async function readThrough<T>(
  kv: KeyValueStore,
  key: string,
  ttlSeconds: number,
  load: () => Promise<T>,
  revive: (cached: T) => T,
): Promise<T> {
  const cached = await kv.get<T>(key);
  if (cached !== null) return revive(cached);
  const fresh = await load();
  if (fresh !== undefined && fresh !== null) await kv.set(key, fresh, { ttlSeconds });
  return fresh;
}

export function invalidateKnowledgeCache(kv: KeyValueStore): Promise<number> {
  return kv.deleteByPrefix(knowledgeCachePrefix);
}
