import type { KeyValueStore } from './types.js';

/**
 * A view of `store` whose keys all live under `prefix` (e.g. `aria:` or a per-test namespace).
 * `deleteByPrefix('')` clears the whole namespace; `close()` closes the underlying store.
 */
export function withKeyPrefix(store: KeyValueStore, prefix: string): KeyValueStore {
  if (prefix.length === 0) throw new RangeError('withKeyPrefix needs a non-empty prefix');
  const scoped = (key: string) => `${prefix}${key}`;
  return {
    driver: store.driver,
    get: <T>(key: string) => store.get<T>(scoped(key)),
    set: (key, value, options) => store.set(scoped(key), value, options),
    delete: (...keys) => store.delete(...keys.map(scoped)),
    increment: (key, options) => store.increment(scoped(key), options),
    setMax: (key, value, options) => store.setMax(scoped(key), value, options),
    deleteByPrefix: (keyPrefix) => store.deleteByPrefix(scoped(keyPrefix)),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
