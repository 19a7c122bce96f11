export { type AnalyzeMediaData, analyzeMedia } from './analysis/analyze-media.js';
export { startAnalysisSweep } from './analysis/sweep.js';
export { type BackoffPolicy, backoffDelayMs } from './backoff.js';
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
export { type QueueHealth, readQueueHealth } from './health.js';
export { type JobLogger, silentLogger } from './logger.js';
export type { DeadJob, JobMetrics } from './metrics.js';
export { type Periodic, startPeriodic } from './periodic.js';
export { type AriaJobs, ariaJobs, type StartJobsOptions, startJobs } from './runtime.js';
export {
  type DeliverySummary,
  deliverAthleteEvents,
  deliverTrackLitEvents,
  type EventDeliverySettings,
} from './tracklit/deliver-events.js';
export { type OutboxDispatch, startOutboxDispatch } from './tracklit/dispatch.js';
