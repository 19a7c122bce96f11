export * from './ai/index.js';
export {
  type ConfiguredKeyValueStore,
  createKeyValueStore,
  type KeyValueStoreOptions,
} from './kv/create.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './kv/memory.js';
export { withKeyPrefix } from './kv/prefixed.js';
export type { IncrementOptions, KeyValueDriver, KeyValueStore, SetOptions } from './kv/types.js';
export {
  createUpstashStore,
  type UpstashConnection,
  type UpstashStore,
  type UpstashStoreOptions,
} from './kv/upstash.js';
export * from './media/index.js';
export * from './ratelimit/index.js';
export * from './stripe/index.js';
export * from './terra/index.js';
export * from './tracklit/index.js';
