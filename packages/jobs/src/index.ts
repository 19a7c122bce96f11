export { deadLetterQueue, defineJob, type JobDefinition, type RetryPolicy } from './definition.js';
export {
  createJobEngine,
  type JobEngine,
  type JobEngineOptions,
  type JobHandler,
  type JobRun,
  type SendOptions,
  type WorkOptions,
} from './engine.js';
export type { DeadJob, JobMetrics } from './metrics.js';
