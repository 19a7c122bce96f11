import type { DatabaseDriver, DatabaseHandle } from '@aria/db';
import type { AriaMetrics } from '@aria/metrics';
import { context, SpanKind, type SpanOptions, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Database spans and metrics without touching `@aria/db`: neither postgres.js nor PGlite
 * has an OpenTelemetry instrumentation, and drizzle's built-in tracer is compiled out. Every
 * drizzle query (builders, relational queries, `db.execute`, inside transactions too) is
 * made by the session's `prepareQuery`, so the session class of the handle is wrapped there
 * once, and each prepared query's `execute`/`all` is timed.
 *
 * Pool use: postgres.js exposes no busy/idle connection counts. What is measured is the
 * number of queries in flight against the configured maximum; in-flight above the maximum
 * means queries are queueing for a connection. A transaction holds its connection between
 * its queries, which this view does not see.
 */

type QueryOutcome = 'ok' | 'error';

interface QueryListener {
  start(driver: DatabaseDriver, operation: string): (outcome: QueryOutcome) => void;
}

type Run = (...args: unknown[]) => Promise<unknown>;
type PrepareQuery = (this: unknown, query: unknown, ...rest: unknown[]) => unknown;

interface SessionPrototype {
  prepareQuery: PrepareQuery;
}

const tracer = trace.getTracer('aria-db');
const listeners = new Set<QueryListener>();
const driverOfPrototype = new WeakMap<object, DatabaseDriver>();
const maxQueryTextLength = 2_000;

function isSessionPrototype(value: unknown): value is SessionPrototype {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<SessionPrototype>).prepareQuery === 'function'
  );
}

function sqlTextOf(query: unknown): string {
  if (typeof query === 'object' && query !== null && 'sql' in query) {
    const { sql } = query;
    if (typeof sql === 'string') return sql;
  }
  return '';
}

const operations = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'CREATE',
  'ALTER',
]);

/** `SELECT`, `INSERT`, … — the first keyword (a bounded label; `OTHER` for anything else). */
export function operationOf(sqlText: string): string {
  const keyword = /^\s*([a-z]+)/i.exec(sqlText)?.[1]?.toUpperCase();
  return keyword !== undefined && operations.has(keyword) ? keyword : 'OTHER';
}

/** What every execution of one prepared query shares, worked out once when it is prepared. */
interface ObservedQuery {
  readonly driver: DatabaseDriver;
  readonly operation: string;
  readonly spanName: string;
  readonly spanOptions: SpanOptions;
}

function observedQuery(driver: DatabaseDriver, sqlText: string): ObservedQuery {
  const operation = operationOf(sqlText);
  return {
    driver,
    operation,
    spanName: `${operation} postgresql`,
    spanOptions: {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        // Drizzle sends values as bind parameters, so the text holds placeholders, not data.
        'db.query.text': sqlText.slice(0, maxQueryTextLength),
        'aria.db.driver': driver,
      },
    },
  };
}

function observe(query: ObservedQuery, run: () => Promise<unknown>) {
  const finishers: Array<(outcome: QueryOutcome) => void> = [];
  for (const listener of listeners) finishers.push(listener.start(query.driver, query.operation));
  const span = tracer.startSpan(query.spanName, query.spanOptions);
  const finish = (outcome: QueryOutcome, error?: unknown) => {
    if (error !== undefined) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
    for (const finisher of finishers) finisher(outcome);
  };
  // Nothing inside a query starts spans of its own, so a span that records nothing (tracing
  // off, or not sampled) need not become the active one.
  const running = span.isRecording()
    ? context.with(trace.setSpan(context.active(), span), run)
    : run();
  return running.then(
    (result) => {
      finish('ok');
      return result;
    },
    (error: unknown) => {
      finish('error', error);
      throw error;
    },
  );
}

function observePreparedQuery(prepared: unknown, driver: DatabaseDriver, sqlText: string) {
  if (typeof prepared !== 'object' || prepared === null) return prepared;
  const query = observedQuery(driver, sqlText);
  const target = prepared as Record<'execute' | 'all', unknown>;
  for (const method of ['execute', 'all'] as const) {
    const run = target[method];
    if (typeof run !== 'function') continue;
    const original = run as Run;
    target[method] = (...args: unknown[]) => observe(query, () => original.apply(prepared, args));
  }
  return prepared;
}

/** Raised at start-up when drizzle no longer lets queries be observed this way. */
export class DatabaseInstrumentationError extends Error {
  override readonly name = 'DatabaseInstrumentationError';
}

/**
 * Wraps `prepareQuery` of the handle's session class once per class (idempotent). The method
 * is drizzle's internal API: when an upgrade renames it, start-up fails here instead of the
 * metrics silently going quiet.
 */
function patchSessionClass(handle: DatabaseHandle): void {
  const prototype: unknown = Object.getPrototypeOf(handle.db._.session);
  if (!isSessionPrototype(prototype)) {
    throw new DatabaseInstrumentationError(
      `the ${handle.driver} drizzle session has no prepareQuery to observe queries through; ` +
        'update apps/server/src/observability/database.ts for this drizzle-orm version',
    );
  }
  if (driverOfPrototype.has(prototype)) return;
  driverOfPrototype.set(prototype, handle.driver);
  const driver = handle.driver;
  const original = prototype.prepareQuery;
  prototype.prepareQuery = function prepareQueryObserved(query, ...rest) {
    return observePreparedQuery(original.call(this, query, ...rest), driver, sqlTextOf(query));
  };
}

/** Sends the handle's ping and fails unless the wrapper saw it: the hook really observes. */
async function verifyObserved(handle: DatabaseHandle): Promise<void> {
  let seen = 0;
  const probe: QueryListener = {
    start(driver) {
      if (driver === handle.driver) seen += 1;
      return () => {};
    },
  };
  listeners.add(probe);
  // The wrapper sees a query before it runs, so an unreachable database still proves the
  // hook; reachability itself is the readiness check's concern, reported there.
  const failure = await handle.ping().then(
    () => undefined,
    (error: unknown) => error,
  );
  listeners.delete(probe);
  if (seen === 0) {
    throw new DatabaseInstrumentationError(
      `a ${handle.driver} query did not pass through the instrumentation; ` +
        'drizzle-orm no longer prepares queries the way apps/server/src/observability/database.ts expects',
      { cause: failure },
    );
  }
}

export interface InstrumentDatabaseOptions {
  /** Where query durations, in-flight queries and the pool maximum go; spans need nothing. */
  readonly metrics?: AriaMetrics;
  /** DATABASE_POOL_MAX for postgres.js; PGlite is one connection. */
  readonly poolMax: number;
}

/**
 * Starts database spans (exported when tracing is on) and, with `metrics`, query metrics,
 * after checking with one query that the hook sees queries; rejects with
 * DatabaseInstrumentationError otherwise. Resolves to a function that stops the metrics; the
 * class wrapper stays (it is cheap and shared by every handle of that driver in the process).
 */
export async function instrumentDatabase(
  handle: DatabaseHandle,
  options: InstrumentDatabaseOptions,
): Promise<{ stop(): void }> {
  patchSessionClass(handle);
  await verifyObserved(handle);
  const { metrics } = options;
  if (!metrics) return { stop: () => {} };

  metrics.dbPoolMaxConnections.set(
    { driver: handle.driver },
    handle.driver === 'pglite' ? 1 : options.poolMax,
  );
  metrics.dbQueriesInFlight.set({ driver: handle.driver }, 0);
  const noop = () => {};
  const inFlight = metrics.dbQueriesInFlight.labels({ driver: handle.driver });
  const durationSeries = seriesPerOperation(metrics, handle.driver);
  const listener: QueryListener = {
    start(driver, operation) {
      if (driver !== handle.driver) return noop;
      inFlight.inc();
      const series = durationSeries(operation);
      const startedAt = performance.now();
      return (outcome) => {
        inFlight.dec();
        series[outcome].observe((performance.now() - startedAt) / 1000);
      };
    },
  };
  listeners.add(listener);
  return { stop: () => listeners.delete(listener) };
}

/**
 * The duration histogram's children of one operation, by outcome, made once, so a query
 * neither builds a label object nor goes through prom-client's timer, which merges the start
 * and end labels into a new object each time (prom-client still checks the labels and joins
 * their values on every observation). Operations are a fixed set.
 */
function seriesPerOperation(metrics: AriaMetrics, driver: DatabaseDriver) {
  const known = new Map<string, Record<QueryOutcome, { observe(seconds: number): void }>>();
  return (operation: string) => {
    let found = known.get(operation);
    if (found === undefined) {
      found = {
        ok: metrics.dbQueryDuration.labels({ driver, operation, outcome: 'ok' }),
        error: metrics.dbQueryDuration.labels({ driver, operation, outcome: 'error' }),
      };
      known.set(operation, found);
    }
    return found;
  };
}
