import { testServices } from '@aria/config/testing';

/** Whether suites needing the real redis-server run, skip (locally) or fail (CI). */
export interface RedisRequirement {
  /** TEST_REDIS_URL, when set. */
  readonly redisUrl: string | undefined;
  /** Set when Redis is missing and skipping is allowed (not CI); a printable reason. */
  readonly skipReason: string | undefined;
  /** TEST_REDIS_URL, or throws an error naming it (call in beforeAll so CI fails loudly). */
  requireRedisUrl(): string;
}

const MISSING =
  'TEST_REDIS_URL is not set, so suites against the real redis-server (upstash→redis) cannot ' +
  'run. Set TEST_REDIS_URL=redis://127.0.0.1:6379';

let warned = false;

export function redisRequirement(): RedisRequirement {
  const { redisUrl, required } = testServices();
  const skipReason = redisUrl === undefined && !required ? `${MISSING} to run them.` : undefined;
  if (skipReason !== undefined && !warned) {
    warned = true;
    console.warn(`[redis tests] skipping: ${skipReason}`);
  }
  return {
    redisUrl,
    skipReason,
    requireRedisUrl: () => {
      if (redisUrl !== undefined) return redisUrl;
      throw new Error(`${MISSING}. CI (CI=true) requires it, so this suite fails.`);
    },
  };
}
