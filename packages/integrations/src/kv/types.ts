/** Which backend a store talks to. */
export type KeyValueDriver = 'upstash' | 'memory';

export interface SetOptions {
  /** Expire the key after this many whole seconds (> 0). Without it the key never expires. */
  readonly ttlSeconds?: number;
}

export interface IncrementOptions {
  /** Expiry (whole seconds, > 0) applied only when this call creates the key. */
  readonly ttlSeconds?: number;
}

/**
 * The small key-value surface the API needs: caches, token revocation lists, counters and
 * health. Values are JSON: what `set` stores, `get` returns as a fresh copy (a `Date`
 * comes back as its ISO string, `undefined` properties are dropped).
 */
export interface KeyValueStore {
  readonly driver: KeyValueDriver;
  /** The stored JSON value, or `null` when the key is missing or expired. */
  get<T>(key: string): Promise<T | null>;
  /** Stores `value` as JSON; replaces any earlier value and its expiry. */
  set(key: string, value: unknown, options?: SetOptions): Promise<void>;
  /** Deletes the keys; resolves to how many existed. */
  delete(...keys: string[]): Promise<number>;
  /**
   * Atomically adds 1 (a missing key counts as 0) and resolves to the new value. Rejects when
   * the key holds something other than an integer. Keeps an existing expiry.
   */
  increment(key: string, options?: IncrementOptions): Promise<number>;
  /**
   * Atomically stores the larger of `value` and the integer already at `key` (a missing or
   * non-integer value counts as lower), with `options.ttlSeconds` as the new expiry (none
   * without it); resolves to what is stored. For "never move back" markers.
   */
  setMax(key: string, value: number, options?: SetOptions): Promise<number>;
  /** Deletes every key that starts with `prefix` (non-empty); resolves to how many. */
  deleteByPrefix(prefix: string): Promise<number>;
  /** Resolves when the backend answers; rejects otherwise (for readiness checks). */
  ping(): Promise<void>;
  /** Releases timers and connections. */
  close(): Promise<void>;
}
