import { type AriaDatabase, outboxStats } from '@aria/db';
import type { JobEngine } from './engine.js';
import type { JobMetrics } from './metrics.js';

/** The background work as the database holds it, for the whole fleet at once. */
export interface QueueHealth {
  readonly queues: readonly JobMetrics[];
  readonly outbox: {
    /** Neither delivered nor parked. */
    readonly pending: number;
    readonly parked: number;
    /** Age of the oldest pending event (from its creation), in seconds; 0 when none. */
    readonly oldestPendingSeconds: number;
  };
}

/**
 * Reads every queue and the outbox from the shared database: the same numbers whichever
 * process asks, the API or a worker, and whoever works the jobs.
 */
export async function readQueueHealth(
  engine: Pick<JobEngine, 'metrics'>,
  db: AriaDatabase,
): Promise<QueueHealth> {
  const [queues, outbox] = await Promise.all([engine.metrics(), outboxStats(db)]);
  return { queues, outbox };
}
