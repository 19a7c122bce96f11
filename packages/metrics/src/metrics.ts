import {
  degradedUses,
  meteredKinds,
  type RateBucket,
  trackLitContextSkipReasons,
} from '@aria/core';
import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type Registry as PromRegistry,
  Registry,
} from 'prom-client';
import { type QueueHealthSource, queueHealthGauges } from './queue-health.js';

/**
 * Every series Aria exports besides prom-client's default process metrics. The server fills
 * them; the alert rules and dashboards in `infra/` use the same names, and `infra/checks`
 * fails when they drift apart. Both import this package, so neither depends on the other.
 */
export const metricNames = {
  buildInfo: 'aria_build_info',
  httpRequests: 'aria_http_requests_total',
  httpRequestDuration: 'aria_http_request_duration_seconds',
  httpRequestsInFlight: 'aria_http_requests_in_flight',
  meteringDenials: 'aria_metering_denials_total',
  quotaRefundFailures: 'aria_quota_refund_failures_total',
  rateLimitDegraded: 'aria_ratelimit_degraded_total',
  cacheLookups: 'aria_cache_lookups_total',
  redisDegraded: 'aria_redis_degraded_total',
  dbQueryDuration: 'aria_db_query_duration_seconds',
  dbQueriesInFlight: 'aria_db_queries_in_flight',
  dbPoolMaxConnections: 'aria_db_pool_max_connections',
  aiRequestDuration: 'aria_ai_request_duration_seconds',
  aiTokens: 'aria_ai_tokens_total',
  trackLitContextSkipped: 'aria_tracklit_context_skipped_total',
  jobs: 'aria_jobs',
  jobsOldestQueuedAge: 'aria_jobs_oldest_queued_age_seconds',
  outboxEvents: 'aria_outbox_events',
  outboxOldestPendingAge: 'aria_outbox_oldest_pending_age_seconds',
} as const;

/** Label names of each series (Prometheus adds `job` and `instance`; histograms add `le`). */
export const metricLabels = {
  [metricNames.buildInfo]: ['version'],
  [metricNames.httpRequests]: ['method', 'route', 'status'],
  [metricNames.httpRequestDuration]: ['method', 'route', 'status'],
  [metricNames.httpRequestsInFlight]: [],
  [metricNames.meteringDenials]: ['code', 'route'],
  [metricNames.quotaRefundFailures]: ['kind'],
  [metricNames.rateLimitDegraded]: ['bucket'],
  [metricNames.cacheLookups]: ['cache', 'result'],
  [metricNames.redisDegraded]: ['use'],
  [metricNames.dbQueryDuration]: ['driver', 'operation', 'outcome'],
  [metricNames.dbQueriesInFlight]: ['driver'],
  [metricNames.dbPoolMaxConnections]: ['driver'],
  [metricNames.aiRequestDuration]: ['provider', 'mode', 'outcome'],
  [metricNames.aiTokens]: ['provider', 'kind'],
  [metricNames.trackLitContextSkipped]: ['reason'],
  [metricNames.jobs]: ['queue', 'state'],
  [metricNames.jobsOldestQueuedAge]: ['queue'],
  [metricNames.outboxEvents]: ['state'],
  [metricNames.outboxOldestPendingAge]: [],
} as const satisfies Record<(typeof metricNames)[keyof typeof metricNames], readonly string[]>;

export type HttpLabel = (typeof metricLabels)[typeof metricNames.httpRequests][number];

export interface AriaMetrics {
  /** Series of this app; `render()` adds the process-wide default metrics. */
  readonly registry: PromRegistry;
  readonly httpRequests: Counter<HttpLabel>;
  readonly httpRequestDuration: Histogram<HttpLabel>;
  readonly httpRequestsInFlight: Gauge;
  /** Requests refused by metering, by problem code (RATE_LIMITED, QUOTA_EXCEEDED). */
  readonly meteringDenials: Counter<'code' | 'route'>;
  /** Quota units that could not be given back after the metered work failed. */
  readonly quotaRefundFailures: Counter<'kind'>;
  /** Calls let through because the rate limiter could not decide in time (Redis). */
  readonly rateLimitDegraded: Counter<'bucket'>;
  /** Read-through cache lookups; hit ratio = hit / (hit + miss). */
  readonly cacheLookups: Counter<'cache' | 'result'>;
  /** Calls that went on without Redis, by use (rate_limit, cache, token_revocation, …). */
  readonly redisDegraded: Counter<'use'>;
  readonly dbQueryDuration: Histogram<'driver' | 'operation' | 'outcome'>;
  /** Queries sent and not yet answered: the closest view of pool use postgres.js allows. */
  readonly dbQueriesInFlight: Gauge<'driver'>;
  readonly dbPoolMaxConnections: Gauge<'driver'>;
  /** AI calls by provider, mode (answer or stream) and outcome (ok or error). */
  readonly aiRequestDuration: Histogram<'provider' | 'mode' | 'outcome'>;
  /** Tokens the AI used, by provider and kind (prompt or completion). */
  readonly aiTokens: Counter<'provider' | 'kind'>;
  /** Questions and plans that went on without the athlete's TrackLit context, by reason. */
  readonly trackLitContextSkipped: Counter<'reason'>;
  /**
   * Fills `aria_jobs`, `aria_outbox_events` and their oldest-age gauges at scrape time from
   * `source` (a snapshot of the shared database, cached for `source.cacheMs`).
   */
  collectQueueHealth(source: QueueHealthSource): void;
  readonly contentType: string;
  /** The Prometheus text exposition of this app's series plus the process metrics. */
  render(): Promise<string>;
}

export interface CreateMetricsOptions {
  /** `aria_build_info{version}`; the image sets ARIA_VERSION to the commit it was built from. */
  readonly version?: string;
}

// Seconds. Requests run up to REQUEST_TIMEOUT_MS (30 s by default); AI calls are the slow end.
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const aiBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30];
const dbBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const rateBuckets: readonly RateBucket[] = ['ask', 'default'];

let processRegistry: PromRegistry | undefined;

/**
 * prom-client's process and Node.js runtime metrics, collected once per process: they
 * describe the process, not an app, and each collection installs its own observers.
 */
function processMetrics(): PromRegistry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** A registry per app, so tests that build many apps never share or double-register series. */
export function createMetrics(options: CreateMetricsOptions = {}): AriaMetrics {
  const registry = new Registry();
  const registers = [registry];

  new Gauge({
    name: metricNames.buildInfo,
    help: 'Always 1; the labels name the running build.',
    labelNames: metricLabels[metricNames.buildInfo],
    registers,
  }).set({ version: options.version ?? 'development' }, 1);

  const queueHealth = queueHealthGauges(registers, {
    jobs: metricNames.jobs,
    jobsOldest: metricNames.jobsOldestQueuedAge,
    outbox: metricNames.outboxEvents,
    outboxOldest: metricNames.outboxOldestPendingAge,
  });

  const metrics = {
    registry,
    httpRequests: new Counter({
      name: metricNames.httpRequests,
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: metricLabels[metricNames.httpRequests],
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: metricNames.httpRequestDuration,
      help: 'Time from the request entering the app to its response, in seconds.',
      labelNames: metricLabels[metricNames.httpRequestDuration],
      buckets: httpBuckets,
      registers,
    }),
    httpRequestsInFlight: new Gauge({
      name: metricNames.httpRequestsInFlight,
      help: 'HTTP requests being handled now.',
      registers,
    }),
    meteringDenials: new Counter({
      name: metricNames.meteringDenials,
      help: 'Calls refused by metering: RATE_LIMITED (429) or QUOTA_EXCEEDED (402).',
      labelNames: metricLabels[metricNames.meteringDenials],
      registers,
    }),
    quotaRefundFailures: new Counter({
      name: metricNames.quotaRefundFailures,
      help: 'Quota units that could not be refunded after the metered work failed, by kind.',
      labelNames: metricLabels[metricNames.quotaRefundFailures],
      registers,
    }),
    rateLimitDegraded: new Counter({
      name: metricNames.rateLimitDegraded,
      help: 'Calls let through unlimited because the rate limiter did not answer in time.',
      labelNames: metricLabels[metricNames.rateLimitDegraded],
      registers,
    }),
    cacheLookups: new Counter({
      name: metricNames.cacheLookups,
      help: 'Read-through cache lookups by cache and result (hit or miss).',
      labelNames: metricLabels[metricNames.cacheLookups],
      registers,
    }),
    redisDegraded: new Counter({
      name: metricNames.redisDegraded,
      help: 'Steps that went on without Redis under their outage policy, by use.',
      labelNames: metricLabels[metricNames.redisDegraded],
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: metricNames.dbQueryDuration,
      help: 'Database query time, by driver, SQL operation and outcome, in seconds.',
      labelNames: metricLabels[metricNames.dbQueryDuration],
      buckets: dbBuckets,
      registers,
    }),
    aiRequestDuration: new Histogram({
      name: metricNames.aiRequestDuration,
      help: 'Time an AI provider took to answer, by provider, mode and outcome, in seconds.',
      labelNames: metricLabels[metricNames.aiRequestDuration],
      buckets: aiBuckets,
      registers,
    }),
    aiTokens: new Counter({
      name: metricNames.aiTokens,
      help: 'Tokens used by AI answers, by provider and kind (prompt or completion).',
      labelNames: metricLabels[metricNames.aiTokens],
      registers,
    }),
    dbQueriesInFlight: new Gauge({
      name: metricNames.dbQueriesInFlight,
      help: 'Database queries sent and not yet answered (compare with the pool maximum).',
      labelNames: metricLabels[metricNames.dbQueriesInFlight],
      registers,
    }),
    trackLitContextSkipped: new Counter({
      name: metricNames.trackLitContextSkipped,
      help: 'Questions and plans answered without the TrackLit context, by reason (timeout, circuit_open, …).',
      labelNames: metricLabels[metricNames.trackLitContextSkipped],
      registers,
    }),
    dbPoolMaxConnections: new Gauge({
      name: metricNames.dbPoolMaxConnections,
      help: 'Configured connection pool size (DATABASE_POOL_MAX; 1 for embedded PGlite).',
      labelNames: metricLabels[metricNames.dbPoolMaxConnections],
      registers,
    }),
    collectQueueHealth: (source) => queueHealth.collectFrom(source),
    contentType: registry.contentType,
    render: async () => {
      await queueHealth.prepare();
      return Registry.merge([registry, processMetrics()]).metrics();
    },
  } satisfies AriaMetrics;
  // Failure counters start at 0 for every label value, so alerts see a series from the start.
  for (const kind of meteredKinds) metrics.quotaRefundFailures.inc({ kind }, 0);
  for (const bucket of rateBuckets) metrics.rateLimitDegraded.inc({ bucket }, 0);
  // Every use starts at 0, so the series exist (and rate() works) before the first outage.
  for (const use of degradedUses) metrics.redisDegraded.inc({ use }, 0);
  for (const reason of trackLitContextSkipReasons)
    metrics.trackLitContextSkipped.inc({ reason }, 0);
  return metrics;
}
