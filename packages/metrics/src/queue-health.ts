import { Gauge, type Registry } from 'prom-client';

/** One queue's state as the job engine reads it (`@aria/jobs` `JobMetrics`). */
export interface QueueSample {
  readonly name: string;
  readonly queued: number;
  readonly active: number;
  readonly failed: number;
  readonly dead: number;
  readonly oldestQueuedSeconds: number;
}

/** Every queue and the outbox, read from the shared database (`@aria/jobs` `QueueHealth`). */
export interface QueueHealthSample {
  readonly queues: readonly QueueSample[];
  readonly outbox: {
    readonly pending: number;
    readonly parked: number;
    readonly oldestPendingSeconds: number;
  };
}

export interface QueueHealthSource {
  read(): Promise<QueueHealthSample>;
  /** A snapshot serves every scrape for this long (ms): scrapes cost one read at most per window. */
  readonly cacheMs: number;
  /** A read failed: the series have no samples in that scrape. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
}

export const jobStates = ['queued', 'active', 'failed', 'dead'] as const;
export const outboxStates = ['pending', 'parked'] as const;

/**
 * One read per `cacheMs`, shared by the four gauges and by every scrape in the window. A
 * failed read is kept for the window too (no samples), so a database outage costs one read
 * per window, not one per gauge.
 */
function cachedReads(source: QueueHealthSource): () => Promise<QueueHealthSample | undefined> {
  const now = source.now ?? Date.now;
  let cached: { at: number; sample: Promise<QueueHealthSample | undefined> } | undefined;
  return () => {
    if (cached && now() - cached.at < source.cacheMs) return cached.sample;
    const sample = source.read().catch((error: unknown) => {
      source.onError?.(error);
      return undefined;
    });
    cached = { at: now(), sample };
    return sample;
  };
}

export interface QueueHealthGauges {
  /** From now on, every scrape reads the queues through `source` (the latest call wins). */
  collectFrom(source: QueueHealthSource): void;
  /**
   * Reads the snapshot (or finds it cached) before a scrape collects anything, so the read's
   * own queries are over when the database gauges (queries in flight) are read.
   */
  prepare(): Promise<void>;
}

/**
 * The job and outbox gauges. They are filled when scraped, from a snapshot of the database
 * (the jobs of every process that works them), so a worker without HTTP is seen through the
 * API's `/metrics`. Without a source they have no samples.
 */
export function queueHealthGauges(
  registers: Registry[],
  names: {
    readonly jobs: string;
    readonly jobsOldest: string;
    readonly outbox: string;
    readonly outboxOldest: string;
  },
): QueueHealthGauges {
  let read: (() => Promise<QueueHealthSample | undefined>) | undefined;
  /** Sets a gauge from this scrape's snapshot; without one it has no samples. */
  const fill = async (gauge: Gauge<string>, set: (sample: QueueHealthSample) => void) => {
    const sample = await read?.();
    gauge.reset();
    if (sample) set(sample);
    // prom-client keeps a 0 in a gauge without labels after reset: no data is not 0 s.
    else if (gauge === outboxOldest) outboxOldest.remove();
  };

  const jobs: Gauge<'queue' | 'state'> = new Gauge({
    name: names.jobs,
    help: 'Background jobs by queue and state: queued (waiting, retries included), active, failed (used up their attempts; pg-boss archives them after 12 h), dead (in the dead-letter queue, not replayed).',
    labelNames: ['queue', 'state'],
    registers,
    collect: () =>
      fill(jobs, (sample) => {
        for (const queue of sample.queues) {
          for (const state of jobStates) jobs.set({ queue: queue.name, state }, queue[state]);
        }
      }),
  });
  const jobsOldest: Gauge<'queue'> = new Gauge({
    name: names.jobsOldest,
    help: 'How long the job waiting longest for a worker has been due, by queue, in seconds (0 when none waits).',
    labelNames: ['queue'],
    registers,
    collect: () =>
      fill(jobsOldest, (sample) => {
        for (const queue of sample.queues) {
          jobsOldest.set({ queue: queue.name }, queue.oldestQueuedSeconds);
        }
      }),
  });
  const outbox: Gauge<'state'> = new Gauge({
    name: names.outbox,
    help: 'Outbox events to TrackLit not delivered: pending (to be sent or retried) and parked (attempts used up, waiting for an operator).',
    labelNames: ['state'],
    registers,
    collect: () =>
      fill(outbox, (sample) => {
        for (const state of outboxStates) outbox.set({ state }, sample.outbox[state]);
      }),
  });
  const outboxOldest: Gauge = new Gauge({
    name: names.outboxOldest,
    help: 'Age of the oldest pending (undelivered, not parked) outbox event, in seconds (0 when none).',
    registers,
    collect: () =>
      fill(outboxOldest, (sample) => outboxOldest.set(sample.outbox.oldestPendingSeconds)),
  });

  return {
    collectFrom(source) {
      read = cachedReads(source);
    },
    async prepare() {
      await read?.();
    },
  };
}
