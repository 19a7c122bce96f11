export * from '../stripe/testing/index.js';
export * from '../terra/testing/index.js';
export { type KvTestStore, type KvTestTarget, kvTestSuite, kvTestTargets } from './kv-targets.js';
export { rewriteShebang } from './lua-shebang.js';
export { type RedisRequirement, redisRequirement } from './redis-requirement.js';
export {
  type ServiceSuite,
  type ServiceSuiteOptions,
  type SkipContext,
  serviceSuite,
} from './service-suite.js';
export {
  startUpstashBridge,
  type UpstashBridge,
  type UpstashBridgeOptions,
} from './upstash-bridge.js';
export { upstashBridgeSuite } from './upstash-bridge-suite.js';
