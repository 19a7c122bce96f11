// An open-loop constant rate: request i is due at start + i / rate, whatever the server did
// with the ones before, and its latency counts from when it was due (as wrk2 does), so a
// stalled server shows up in the percentiles instead of slowing the schedule down.
//
// autocannon's `overallRate` is not this: each connection sends back to back until it has
// used its share of the second, then waits for the next second, and its coordinated-omission
// correction assumes a 1 ms interval. A plain `node:http` hello server measured that way
// at 500 req/s showed a p99 of 16-27 ms.
import { Agent, request } from 'node:http';
import { cpuShare, type LoadJob, type LoadResult } from './load-protocol.js';
import { percentile } from './percentile.js';

interface Outcome {
  readonly status?: number;
  readonly latencyMs: number;
  readonly timedOut: boolean;
}

export async function runConstantRate(
  job: LoadJob & { readonly overallRate: number },
  onMeasuring: () => void,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const tokens = job.bearerTokens ?? [];
  let sent = 0;
  const target = new URL(job.url);

  const send = (dueAt: number): Promise<Outcome> =>
    new Promise((resolve) => {
      const headers: Record<string, string> = { ...job.headers };
      const token = tokens[sent % Math.max(1, tokens.length)];
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      sent += 1;
      const finish = (status: number | undefined, timedOut = false) =>
        resolve({ status, latencyMs: performance.now() - dueAt, timedOut });
      const outgoing = request(
        {
          hostname: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          headers,
          agent,
        },
        (incoming) => {
          incoming.resume();
          incoming.on('end', () => finish(incoming.statusCode));
          incoming.on('error', () => finish(undefined));
        },
      );
      outgoing.setTimeout(job.timeoutSeconds * 1_000, () => {
        outgoing.destroy();
        finish(undefined, true);
      });
      outgoing.on('error', () => finish(undefined));
      outgoing.end();
    });

  /** Sends on schedule for `seconds`; resolves with every outcome once all have answered. */
  const phase = async (seconds: number): Promise<Outcome[]> => {
    const startedAt = performance.now();
    const total = Math.round(seconds * job.overallRate);
    const pending: Array<Promise<Outcome>> = [];
    while (pending.length < total) {
      const elapsed = performance.now() - startedAt;
      const due = Math.min(total, Math.floor((elapsed / 1_000) * job.overallRate) + 1);
      for (let i = pending.length; i < due; i++) {
        pending.push(send(startedAt + (i / job.overallRate) * 1_000));
      }
      const nextDue = startedAt + (pending.length / job.overallRate) * 1_000;
      await new Promise((wake) => setTimeout(wake, Math.max(0, nextDue - performance.now())));
    }
    return Promise.all(pending);
  };

  try {
    if (job.warmupSeconds > 0) await phase(job.warmupSeconds);
    onMeasuring();
    const cpuAtStart = process.cpuUsage();
    const startedAt = performance.now();
    const outcomes = await phase(job.durationSeconds);
    const loadGeneratorCpu = cpuShare(cpuAtStart, startedAt);
    return summarize(outcomes, job.durationSeconds, loadGeneratorCpu, tokens.length, sent);
  } finally {
    agent.destroy();
  }
}

function summarize(
  outcomes: readonly Outcome[],
  durationSeconds: number,
  loadGeneratorCpu: number,
  tokenCount: number,
  sent: number,
): LoadResult {
  const statusCodes: Record<string, number> = {};
  const latencies: number[] = [];
  let ok2xx = 0;
  let errors = 0;
  let timeouts = 0;
  for (const outcome of outcomes) {
    if (outcome.status === undefined) {
      errors += 1;
      if (outcome.timedOut) timeouts += 1;
      continue;
    }
    statusCodes[outcome.status] = (statusCodes[outcome.status] ?? 0) + 1;
    if (outcome.status >= 200 && outcome.status < 300) {
      ok2xx += 1;
      latencies.push(outcome.latencyMs);
    }
  }
  latencies.sort((a, b) => a - b);
  const wholeMs = (p: number) => Math.round(percentile(latencies, p));
  const responses = outcomes.length - errors;
  return {
    durationSeconds,
    responses,
    ok2xx,
    non2xx: responses - ok2xx,
    errors,
    timeouts,
    statusCodes,
    latencyP50Ms: wholeMs(0.5),
    latencyP99Ms: wholeMs(0.99),
    loadGeneratorCpu,
    ...(tokenCount > 0 ? { maxRequestsPerToken: Math.ceil(sent / tokenCount) } : {}),
  };
}
