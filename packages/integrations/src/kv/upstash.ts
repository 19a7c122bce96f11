import { Redis, type RedisConfigNodejs, type Requester } from '@upstash/redis';
import type { IncrementOptions, KeyValueStore, SetOptions } from './types.js';
import { createUpstashRequester } from './upstash-requester.js';
import { checkInteger, checkPrefix, checkTtlSeconds, decodeJson, encodeJson } from './values.js';

export interface UpstashConnection {
  readonly url: string;
  readonly token: string;
}

export interface UpstashStoreOptions {
  /**
   * Retries on network errors. Default: one retry after 50 ms (the client's own default, 5
   * with exponential backoff, holds a request for seconds while Redis is down).
   */
  readonly retry?: RedisConfigNodejs['retry'];
  /**
   * Every command (all its attempts together) is aborted after this many milliseconds and
   * rejects, so an unreachable Redis costs a caller at most this long. Default 1000.
   */
  readonly timeoutMs?: number;
  /** SCAN COUNT hint per round trip in `deleteByPrefix`. Default 100. */
  readonly scanCount?: number;
}

export interface UpstashStore extends KeyValueStore {
  readonly driver: 'upstash';
  /**
   * A client for the same database with the library defaults (automatic JSON
   * deserialisation), for libraries such as `@upstash/ratelimit`.
   */
  readonly redis: Redis;
}

/**
 * INCR that sets the expiry only when it creates the key, in one atomic step. No
 * `#!lua flags=allow-key-locking` shebang: plain Redis behind SRH rejects it.
 */
const INCREMENT_WITH_TTL = `local created = redis.call('EXISTS', KEYS[1]) == 0
local value = redis.call('INCR', KEYS[1])
if created then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return value`;

/** Stores max(current integer, ARGV[1]) with an optional EX of ARGV[2]; returns it. */
const SET_MAX = `local value = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]))
if current and current == math.floor(current) and current > value then value = current end
local text = string.format('%d', value)
if ARGV[2] == '' then redis.call('SET', KEYS[1], text)
else redis.call('SET', KEYS[1], text, 'EX', ARGV[2]) end
return value`;

/**
 * `new Redis(requester)` takes no client options, so this subclass sets them. Commands sent
 * in the same tick travel as one /pipeline request (e.g. the two revocation reads of a token
 * check): over REST each round trip is an HTTP request.
 */
class RequesterRedis extends Redis {
  constructor(requester: Requester, options: { automaticDeserialization: boolean }) {
    super(requester);
    this.opts = { automaticDeserialization: options.automaticDeserialization };
    this.enableTelemetry = false;
    this.enableAutoPipelining = true;
    // biome-ignore lint/correctness/noConstructorReturn: the client's own constructor returns its auto-pipelining proxy the same way
    return this.autoPipeline();
  }
}

const redisOver = (requester: Requester, options: { automaticDeserialization: boolean }): Redis =>
  new RequesterRedis(requester, options);

export const defaultUpstashTimeoutMs = 1_000;
const defaultRetry = { retries: 1, backoff: () => 50 } as const;

/** Escapes SCAN MATCH glob characters so the prefix matches literally. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');

export function createUpstashStore(
  connection: UpstashConnection,
  options: UpstashStoreOptions = {},
): UpstashStore {
  const timeoutMs = options.timeoutMs ?? defaultUpstashTimeoutMs;
  const requester = createUpstashRequester({
    url: connection.url,
    token: connection.token,
    retry: options.retry ?? defaultRetry,
    timeoutMs,
  });
  // The store reads raw strings and parses JSON itself: the client's automatic
  // deserialisation would turn SCAN keys such as "123" or "true" into numbers and booleans.
  const raw = redisOver(requester, { automaticDeserialization: false });
  const redis = redisOver(requester, { automaticDeserialization: true });
  const incrementWithTtl = raw.createScript<number>(INCREMENT_WITH_TTL);
  const setMax = raw.createScript<number>(SET_MAX);
  const scanCount = options.scanCount ?? 100;

  return {
    driver: 'upstash',
    redis,

    async get<T>(key: string): Promise<T | null> {
      const value = await raw.get<string>(key);
      return value === null ? null : decodeJson<T>(key, value);
    },

    async set(key: string, value: unknown, setOptions?: SetOptions): Promise<void> {
      const json = encodeJson(value);
      const ttl = checkTtlSeconds(setOptions?.ttlSeconds);
      await (ttl === undefined ? raw.set(key, json) : raw.set(key, json, { ex: ttl }));
    },

    async delete(...keys: string[]): Promise<number> {
      return keys.length === 0 ? 0 : await raw.del(...keys);
    },

    async increment(key: string, incrementOptions?: IncrementOptions): Promise<number> {
      const ttl = checkTtlSeconds(incrementOptions?.ttlSeconds);
      if (ttl === undefined) return await raw.incr(key);
      return Number(await incrementWithTtl.exec([key], [String(ttl)]));
    },

    async setMax(key: string, value: number, setOptions?: SetOptions): Promise<number> {
      const ttl = checkTtlSeconds(setOptions?.ttlSeconds);
      const args = [String(checkInteger(value)), ttl === undefined ? '' : String(ttl)];
      return Number(await setMax.exec([key], args));
    },
    async deleteByPrefix(prefix: string): Promise<number> {
      const match = `${escapeGlob(checkPrefix(prefix))}*`;
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await raw.scan(cursor, { match, count: scanCount });
        if (keys.length > 0) deleted += await raw.del(...keys);
        cursor = String(next);
      } while (cursor !== '0');
      return deleted;
    },

    async ping(): Promise<void> {
      const reply = await raw.ping();
      if (reply !== 'PONG') throw new Error(`KeyValueStore: unexpected PING reply ${reply}`);
    },

    async close(): Promise<void> {
      requester.close();
    },
  };
}
