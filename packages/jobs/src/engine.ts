import type { DatabaseHandle } from '@aria/db';
import PgBoss from 'pg-boss';
import {
  deadLetterQueue,
  type JobDefinition,
  type RetryPolicy,
  retryPolicyOf,
} from './definition.js';
import { type DeadJob, type JobMetrics, readDeadJobs, readJobMetrics } from './metrics.js';
import { pgliteExecutor } from './pglite-executor.js';

export interface JobEngineOptions {
  /** The application's database: pg-boss keeps its tables (schema `pgboss`) next to Aria's. */
  readonly database: DatabaseHandle;
  /** Postgres only: the URL pg-boss opens its own small pool with. */
  readonly databaseUrl?: string | undefined;
  /** Every kind of job this process sends or works; their queues are created on start. */
  readonly jobs: readonly JobDefinition<unknown>[];
  readonly defaults: RetryPolicy;
  /** How often an idle worker looks for work (seconds, at least 0.5). */
  readonly pollingIntervalSeconds?: number;
  /** Run pg-boss maintenance (expiring stuck jobs, archiving) this often (seconds). */
  readonly maintenanceIntervalSeconds?: number;
  readonly onError?: (error: unknown) => void;
}

export interface SendOptions {
  /** Not run before this time. */
  readonly startAfter?: Date;
  /** With the `short` policy: dropped while a job with this key waits. */
  readonly singletonKey?: string;
}

export interface JobRun<Data> {
  readonly id: string;
  readonly data: Data;
  /** 1 on the first run, 2 on the first retry, … */
  readonly attempt: number;
  /** No retry follows if this run fails: the job then goes to its dead-letter queue. */
  readonly final: boolean;
}

export type JobHandler<Data> = (run: JobRun<Data>) => Promise<void>;

export interface WorkOptions {
  /** Parallel runs of this job in this process (each its own poller). */
  readonly concurrency?: number;
}

/** Background jobs on pg-boss, the same engine over Postgres and embedded PGlite. */
export interface JobEngine {
  start(): Promise<void>;
  /** Stops polling and waits up to `timeoutMs` for running jobs; unfinished ones are retried later. */
  stop(timeoutMs?: number): Promise<void>;
  /** The new job's id; null when a `short` queue already holds a waiting job with the key. */
  send<Data>(job: JobDefinition<Data>, data: Data, options?: SendOptions): Promise<string | null>;
  work<Data>(
    job: JobDefinition<Data>,
    handler: JobHandler<Data>,
    options?: WorkOptions,
  ): Promise<void>;
  metrics(): Promise<JobMetrics[]>;
  listDead(limit?: number): Promise<DeadJob[]>;
  /** Sends a dead job's data to its queue again with fresh attempts; false when no such dead job. */
  replayDead(id: string): Promise<boolean>;
}

export function createJobEngine(options: JobEngineOptions): JobEngine {
  const { database } = options;
  const common = {
    schedule: false,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  };
  const boss =
    database.driver === 'pglite'
      ? new PgBoss({ ...common, db: pgliteExecutor(requirePglite(database)) })
      : new PgBoss({ ...common, connectionString: requireUrl(options.databaseUrl), max: 3 });
  boss.on('error', (error) => options.onError?.(error));
  const definitions = new Map(options.jobs.map((job) => [job.name, job]));
  let started: Promise<void> | undefined;

  const known = <Data>(job: JobDefinition<Data>): JobDefinition<Data> => {
    if (definitions.get(job.name) !== (job as JobDefinition<unknown>)) {
      throw new Error(`job "${job.name}" is not one of this engine's jobs`);
    }
    return job;
  };

  const createQueues = async () => {
    for (const job of definitions.values()) {
      const policy = retryPolicyOf(job, options.defaults);
      const dead = deadLetterQueue(job.name);
      const settings = {
        retryLimit: policy.maxAttempts - 1,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        policy: job.policy ?? 'standard',
        expireInSeconds: policy.expireInSeconds,
        deadLetter: dead,
      };
      await racingOthers(() =>
        boss.createQueue(dead, { name: dead, retentionMinutes: 60 * 24 * 30 }),
      );
      await racingOthers(() => boss.createQueue(job.name, { name: job.name, ...settings }));
      await racingOthers(() => boss.updateQueue(job.name, { name: job.name, ...settings }));
    }
  };

  return {
    start() {
      started ??= (async () => {
        await boss.start();
        await createQueues();
      })();
      return started;
    },

    async stop(timeoutMs = 10_000) {
      if (!started) return;
      await started.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
    },

    async send(job, data, sendOptions = {}) {
      known(job);
      return boss.send(job.name, data as object, {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
    },

    async work(job, handler, workOptions = {}) {
      known(job);
      for (let i = 0; i < (workOptions.concurrency ?? 1); i++) {
        await boss.work(job.name, { batchSize: 1, includeMetadata: true }, async (jobs) => {
          for (const received of jobs) {
            await handler({
              id: received.id,
              data: job.parse(received.data),
              attempt: received.retryCount + 1,
              final: received.retryCount >= received.retryLimit,
            });
          }
        });
      }
    },

    metrics: () => readJobMetrics(boss, [...definitions.keys()]),
    listDead: (limit = 100) => readDeadJobs(boss, [...definitions.keys()], limit),

    async replayDead(id) {
      for (const name of definitions.keys()) {
        const dead = await boss.getJobById(deadLetterQueue(name), id);
        if (dead?.state !== 'created') continue;
        await boss.send(name, dead.data as object);
        await boss.deleteJob(deadLetterQueue(name), id);
        return true;
      }
      return false;
    },
  };
}

/**
 * Processes starting together create the same queues (tables and partitions) at once, and
 * Postgres may pick one of them as a deadlock victim or see a duplicate; creating a queue
 * is idempotent, so the loser tries again.
 */
async function racingOthers(create: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 8 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

function requirePglite(database: DatabaseHandle) {
  if (!database.pglite) throw new Error('an embedded database handle has no PGlite client');
  return database.pglite;
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('the job engine needs the DATABASE_URL of the Postgres database');
  return url;
}
