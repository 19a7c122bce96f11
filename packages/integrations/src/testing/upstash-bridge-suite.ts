import { redisRequirement } from './redis-requirement.js';
import { type ServiceSuite, serviceSuite } from './service-suite.js';
import { startUpstashBridge, type UpstashBridge } from './upstash-bridge.js';

/**
 * The Upstash REST bridge in front of the test Redis, for one suite: skipped with a reason
 * when Redis is not configured, failing when CI requires it.
 * `beforeAll(s.setup); beforeEach(s.guard); afterAll(s.teardown)`, then `s.current()`.
 */
export function upstashBridgeSuite(): ServiceSuite<UpstashBridge> & {
  readonly skipReason: string | undefined;
} {
  const redis = redisRequirement();
  const suite = serviceSuite({
    skipReason: redis.skipReason,
    start: () => startUpstashBridge({ redisUrl: redis.requireRedisUrl() }),
    stop: (bridge: UpstashBridge) => bridge.close(),
  });
  return { ...suite, skipReason: redis.skipReason };
}
