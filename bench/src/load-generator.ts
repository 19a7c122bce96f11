// The load generator: a child process (own event loop, pinned to its own core when possible)
// so that autocannon never competes with the servers for the same thread. A job with an
// `overallRate` runs open-loop on a fixed schedule instead (constant-rate.ts).
import autocannon, { type RequestSpec } from 'autocannon';
import { runConstantRate } from './constant-rate.js';
import {
  cpuShare,
  type FromLoadGenerator,
  type LoadJob,
  type LoadResult,
  type ToLoadGenerator,
} from './load-protocol.js';

function send(message: FromLoadGenerator): void {
  process.send?.(message);
}

/**
 * Requests sent so far with each token list, by its size and first token: the runs of one
 * row go on where the last one stopped, so every athlete of a pool carries the same number
 * of calls, spaced evenly over the row, however its runs are cut.
 */
const sentWith = new Map<string, number>();

function rotatingBearer(tokens: readonly string[]): { spec: RequestSpec; used: () => number } {
  const list = `${tokens.length}:${tokens[0]}`;
  let sent = sentWith.get(list) ?? 0;
  const spec: RequestSpec = {
    setupRequest: (request) => {
      const token = tokens[sent % tokens.length];
      sent += 1;
      sentWith.set(list, sent);
      return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
    },
  };
  return { spec, used: () => Math.ceil(sent / tokens.length) };
}

async function run(job: LoadJob): Promise<LoadResult> {
  const rotation =
    job.bearerTokens && job.bearerTokens.length > 0 ? rotatingBearer(job.bearerTokens) : undefined;
  let cpuAtStart = process.cpuUsage();
  let startedAt = performance.now();
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    pipelining: 1,
    duration: job.durationSeconds,
    timeout: job.timeoutSeconds,
    headers: job.headers,
    // autocannon may never start a zero-length warm-up: leave it out instead.
    ...(job.warmupSeconds > 0
      ? { warmup: { connections: job.connections, duration: job.warmupSeconds } }
      : {}),
    ...(rotation ? { requests: [rotation.spec] } : {}),
  });
  instance.on('start', () => {
    cpuAtStart = process.cpuUsage();
    startedAt = performance.now();
    send({ kind: 'measuring' });
  });
  const result = await instance;
  const loadGeneratorCpu = cpuShare(cpuAtStart, startedAt);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    durationSeconds: result.duration,
    responses: result.requests.total,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    loadGeneratorCpu,
    ...(rotation ? { maxRequestsPerToken: rotation.used() } : {}),
  };
}

process.on('message', (message: ToLoadGenerator) => {
  if (message.kind !== 'run') return;
  const { job } = message;
  const running =
    job.overallRate === undefined
      ? run(job)
      : runConstantRate({ ...job, overallRate: job.overallRate }, () =>
          send({ kind: 'measuring' }),
        );
  running.then(
    (result) => send({ kind: 'result', result }),
    (error: unknown) =>
      send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
// The parent owns this process: when it goes, so does the load generator.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
