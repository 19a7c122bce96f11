import type { Config } from '@aria/config';
import { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './memory.js';
import { createUpstashStore, type UpstashStore, type UpstashStoreOptions } from './upstash.js';

export type KeyValueStoreOptions = UpstashStoreOptions & MemoryStoreOptions;

/** Narrow on `driver` to reach `redis` (e.g. for `@upstash/ratelimit`). */
export type ConfiguredKeyValueStore = UpstashStore | MemoryStore;

/** Upstash when `config.redis` is set (UPSTASH_REDIS_REST_URL/TOKEN), else in-process memory. */
export function createKeyValueStore(
  config: Pick<Config, 'redis'>,
  options: KeyValueStoreOptions = {},
): ConfiguredKeyValueStore {
  return config.redis === undefined
    ? createMemoryStore(options)
    : createUpstashStore(config.redis, options);
}
