import { randomUUID } from 'node:crypto';
import type { Redis } from '@upstash/redis';
import { createMemoryStore } from '../kv/memory.js';
import { withKeyPrefix } from '../kv/prefixed.js';
import type { KeyValueStore } from '../kv/types.js';
import { createUpstashStore } from '../kv/upstash.js';
import { redisRequirement } from './redis-requirement.js';
import { type ServiceSuite, serviceSuite } from './service-suite.js';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge.js';

/** One backend a KeyValueStore suite runs against; use with `describe.each(kvTestTargets())`. */
export interface KvTestTarget {
  readonly name: 'memory' | 'upstash→redis';
  /** Set when the target cannot run here and may be skipped (local runs only). */
  readonly skipReason: string | undefined;
  /** Opens a fresh store under a unique key prefix; rejects loudly when Redis is required but missing. */
  open(): Promise<KvTestStore>;
}

export interface KvTestStore {
  /** Every key lives under `prefix`, so parallel test files never collide. */
  readonly store: KeyValueStore;
  readonly prefix: string;
  /** The Upstash client behind the store (upstash target only); put keys under `prefix`. */
  readonly redis: Redis | undefined;
  /** The bridge's REST URL and token (upstash target only), e.g. to build a `Config`, and its requests. */
  readonly upstash: Pick<UpstashBridge, 'url' | 'token' | 'requests'> | undefined;
  /** Deletes every key under `prefix`, then closes the store and the bridge. */
  close(): Promise<void>;
}

/**
 * `[memory, upstash→redis]`. Without TEST_REDIS_URL the Redis target is skipped locally (with a
 * printed reason) and fails in CI (`CI=true`), where every service is required.
 */
export function kvTestTargets(): KvTestTarget[] {
  const redis = redisRequirement();
  return [
    { name: 'memory', skipReason: undefined, open: async () => openStore(undefined) },
    {
      name: 'upstash→redis',
      skipReason: redis.skipReason,
      open: async () => openStore(await startUpstashBridge({ redisUrl: redis.requireRedisUrl() })),
    },
  ];
}

/**
 * Hooks that open `target` for one suite:
 * `const kv = kvTestSuite(target); beforeAll(kv.setup); beforeEach(kv.guard); afterAll(kv.teardown)`,
 * then `kv.current().store` inside tests.
 */
export function kvTestSuite(target: KvTestTarget): ServiceSuite<KvTestStore> {
  return serviceSuite({
    skipReason: target.skipReason,
    start: () => target.open(),
    stop: (store) => store.close(),
  });
}

async function openStore(bridge: UpstashBridge | undefined): Promise<KvTestStore> {
  const prefix = `test:${randomUUID()}:`;
  const inner =
    bridge === undefined
      ? createMemoryStore()
      : createUpstashStore({ url: bridge.url, token: bridge.token }, { retry: false });
  const store = withKeyPrefix(inner, prefix);
  return {
    store,
    prefix,
    redis: inner.driver === 'upstash' ? inner.redis : undefined,
    upstash:
      bridge === undefined
        ? undefined
        : { url: bridge.url, token: bridge.token, requests: bridge.requests },
    close: async () => {
      try {
        await store.deleteByPrefix('');
        await store.close();
      } finally {
        await bridge?.close();
      }
    },
  };
}
