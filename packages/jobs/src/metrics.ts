import type PgBoss from 'pg-boss';
import { deadLetterQueue } from './definition.js';

/** One queue's state, as /metrics and the operator tools show it. */
export interface JobMetrics {
  readonly name: string;
  /** Waiting to run, first runs and retries alike. */
  readonly queued: number;
  readonly active: number;
  /** Runs that failed and will be retried (state `retry`). */
  readonly retrying: number;
  /**
   * Jobs that used up their attempts (state `failed`) and are still in pg-boss's job table;
   * its maintenance archives them after 12 hours.
   */
  readonly failed: number;
  /** Jobs that used up their attempts (in `<name>.dead`, not yet replayed). */
  readonly dead: number;
  /**
   * How long the job that has waited longest for a worker has been due, in seconds: since its
   * `startAfter` (its creation, or the end of its retry backoff). 0 when none is due.
   */
  readonly oldestQueuedSeconds: number;
}

export interface DeadJob {
  readonly id: string;
  /** The job it was (its queue without `.dead`). */
  readonly name: string;
  readonly data: unknown;
  /** The last error, as pg-boss recorded it. */
  readonly error: unknown;
  readonly diedAt: Date;
}

interface StateRow {
  name: string;
  queued: string | number;
  active: string | number;
  retrying: string | number;
  failed: string | number;
  oldest: string | number | null;
}

const stateCounts = `
  SELECT name,
    count(*) FILTER (WHERE state IN ('created', 'retry')) AS queued,
    count(*) FILTER (WHERE state = 'active') AS active,
    count(*) FILTER (WHERE state = 'retry') AS retrying,
    count(*) FILTER (WHERE state = 'failed') AS failed,
    extract(epoch FROM now() - min(start_after)
      FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())) AS oldest
  FROM pgboss.job
  WHERE name = ANY($1::text[])
  GROUP BY name`;

/**
 * One grouped query over pg-boss's job table for every queue and its dead-letter queue.
 * pg-boss 10's own `getQueueSize(name, { before })` counts one queue below one state per call
 * and gives no ages, so it would take several round trips per queue for less.
 */
export async function readJobMetrics(
  boss: PgBoss,
  names: readonly string[],
): Promise<JobMetrics[]> {
  const queues = [...names, ...names.map(deadLetterQueue)];
  const { rows } = await boss.getDb().executeSql(stateCounts, [queues]);
  const byName = new Map((rows as StateRow[]).map((row) => [row.name, row]));
  return names.map((name) => {
    const row = byName.get(name);
    return {
      name,
      queued: Number(row?.queued ?? 0),
      active: Number(row?.active ?? 0),
      retrying: Number(row?.retrying ?? 0),
      failed: Number(row?.failed ?? 0),
      dead: Number(byName.get(deadLetterQueue(name))?.queued ?? 0),
      oldestQueuedSeconds: Math.max(0, Number(row?.oldest ?? 0)),
    };
  });
}

interface DeadRow {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  created_on: Date | string;
}

export async function readDeadJobs(
  boss: PgBoss,
  names: readonly string[],
  limit: number,
): Promise<DeadJob[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id, name, data, output, created_on FROM pgboss.job
     WHERE name = ANY($1::text[]) AND state = 'created'
     ORDER BY created_on DESC LIMIT $2`,
    [names.map(deadLetterQueue), limit],
  );
  return (rows as DeadRow[]).map((row) => ({
    id: row.id,
    name: row.name.replace(/\.dead$/, ''),
    data: row.data,
    error: row.output,
    diedAt: new Date(row.created_on),
  }));
}
