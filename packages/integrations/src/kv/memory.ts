import type { IncrementOptions, KeyValueStore, SetOptions } from './types.js';
import { checkInteger, checkPrefix, checkTtlSeconds, decodeJson, encodeJson } from './values.js';

export interface MemoryStoreOptions {
  /** How often expired entries are swept out (they also vanish lazily on read). Default 60 s. */
  readonly sweepIntervalMs?: number;
}

export interface MemoryStore extends KeyValueStore {
  readonly driver: 'memory';
}

interface Entry {
  /** The value as JSON text, so callers never share an object with the store. */
  readonly json: string;
  /** Epoch milliseconds, or undefined for no expiry. */
  readonly expiresAt: number | undefined;
}

const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';

/** An in-process store with the same contract as Redis, for development and tests. */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const entries = new Map<string, Entry>();

  const isExpired = (entry: Entry, now: number) =>
    entry.expiresAt !== undefined && entry.expiresAt <= now;
  const expiryFor = (ttlSeconds: number | undefined) => {
    const ttl = checkTtlSeconds(ttlSeconds);
    return ttl === undefined ? undefined : Date.now() + ttl * 1000;
  };
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (!isExpired(entry, Date.now())) return entry;
    entries.delete(key);
    return undefined;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (isExpired(entry, now)) entries.delete(key);
  };

  const timer = setInterval(sweep, options.sweepIntervalMs ?? 60_000);
  timer.unref();

  return {
    driver: 'memory',

    async get<T>(key: string): Promise<T | null> {
      const entry = live(key);
      return entry === undefined ? null : decodeJson<T>(key, entry.json);
    },

    async set(key: string, value: unknown, setOptions?: SetOptions): Promise<void> {
      const json = encodeJson(value);
      entries.set(key, { json, expiresAt: expiryFor(setOptions?.ttlSeconds) });
    },

    async delete(...keys: string[]): Promise<number> {
      let deleted = 0;
      for (const key of new Set(keys)) {
        if (live(key) !== undefined && entries.delete(key)) deleted += 1;
      }
      return deleted;
    },

    async increment(key: string, incrementOptions?: IncrementOptions): Promise<number> {
      const expiresAt = expiryFor(incrementOptions?.ttlSeconds);
      const entry = live(key);
      const current: unknown = entry === undefined ? 0 : JSON.parse(entry.json);
      if (typeof current !== 'number' || !Number.isSafeInteger(current + 1)) {
        throw new Error(NOT_AN_INTEGER);
      }
      const next = current + 1;
      entries.set(key, { json: String(next), expiresAt: entry ? entry.expiresAt : expiresAt });
      return next;
    },

    async setMax(key: string, value: number, setOptions?: SetOptions): Promise<number> {
      checkInteger(value);
      const expiresAt = expiryFor(setOptions?.ttlSeconds);
      const entry = live(key);
      const current: unknown = entry === undefined ? undefined : JSON.parse(entry.json);
      const next = Number.isSafeInteger(current) ? Math.max(current as number, value) : value;
      entries.set(key, { json: String(next), expiresAt });
      return next;
    },
    async deleteByPrefix(prefix: string): Promise<number> {
      checkPrefix(prefix);
      let deleted = 0;
      for (const key of [...entries.keys()]) {
        if (key.startsWith(prefix) && live(key) !== undefined && entries.delete(key)) deleted += 1;
      }
      return deleted;
    },

    async ping(): Promise<void> {},

    async close(): Promise<void> {
      clearInterval(timer);
      entries.clear();
    },
  };
}
