// What Aria's HTTP stack costs per request, as a ratio to a bare Hono route measured in the
// same run on the same machine. See ../README.md for how to read the table.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type RunningServer, startHttpServer } from '../../apps/server/src/http-server.js';
import { createTestApp, type TestApp } from '../../apps/server/src/testing/app.js';
import {
  cpuShare,
  type FromLoadGenerator,
  type LoadJob,
  type LoadResult,
  type ToLoadGenerator,
} from './load-protocol.js';

// ---------------------------------------------------------------------------------------------
// Settings (the same for every target)

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

const settings = {
  connections: numberFromEnv('BENCH_CONNECTIONS', 10, 1, 200),
  warmupSeconds: numberFromEnv('BENCH_WARMUP', 2, 0, 10),
  durationSeconds: numberFromEnv('BENCH_DURATION', 8, 1, 30),
  timeoutSeconds: 5,
  pin: process.env.BENCH_PIN !== '0',
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
};

const host = '127.0.0.1';
/** A free-tier athlete may make 10 metered calls a minute: one goes to provisioning. */
const requestsPerAthleteToken = 8;
const athleteIdPrefix = 'bench-athlete-';

// ---------------------------------------------------------------------------------------------
// Targets

interface Target {
  readonly name: string;
  readonly isolates: string;
  /** Resolved once the servers listen. */
  readonly port: () => number;
  readonly path: string;
  readonly headers?: () => Record<string, string>;
  readonly bearerTokens?: () => readonly string[];
  readonly baseline?: true;
}

interface Measured {
  readonly target: Target;
  readonly result: LoadResult;
  readonly requestsPerSecond: number;
  readonly serverCpu: number;
}

const serviceAthleteId = `${athleteIdPrefix}for-service`;
const serviceAthleteInput = encodeURIComponent(
  JSON.stringify({ json: { athleteId: serviceAthleteId } }),
);

// ---------------------------------------------------------------------------------------------
// CPU pinning: servers on one core, load generator on another (taskset, when there are two)

function allowedCpus(): number[] {
  const out = execFileSync('taskset', ['-cp', String(process.pid)], {
    encoding: 'utf8',
    timeout: 2_000,
  });
  const list = out.split(':').pop()?.trim() ?? '';
  return list.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    if (from === undefined || Number.isNaN(from)) return [];
    const last = to === undefined || Number.isNaN(to) ? from : to;
    return Array.from({ length: last - from + 1 }, (_, i) => from + i);
  });
}

function pin(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], {
    stdio: 'ignore',
    timeout: 2_000,
  });
}

/** Answers a description of what was done; never fails the run. */
function pinProcesses(loadGeneratorPid: number): string {
  if (!settings.pin) return 'off (BENCH_PIN=0)';
  try {
    const cpus = allowedCpus();
    const [serverCpu, loadCpu] = cpus;
    if (serverCpu === undefined || loadCpu === undefined || availableParallelism() < 2) {
      return `off (only ${cpus.length} CPU allowed)`;
    }
    pin(process.pid, serverCpu);
    pin(loadGeneratorPid, loadCpu);
    return `servers on CPU ${serverCpu}, load generator on CPU ${loadCpu}`;
  } catch {
    return 'off (taskset unavailable)';
  }
}

// ---------------------------------------------------------------------------------------------
// Load generator (child process running autocannon)

interface LoadGenerator {
  readonly pid: number;
  /** Runs one job; `serverCpu` is this process's CPU over the measured part, as a share of a core. */
  run(job: LoadJob): Promise<{ result: LoadResult; serverCpu: number }>;
  stop(): void;
}

interface PendingJob {
  resolve(outcome: { result: LoadResult; serverCpu: number }): void;
  reject(error: Error): void;
  cpuAtStart: NodeJS.CpuUsage;
  startedAt: number;
}

function startLoadGenerator(): Promise<LoadGenerator> {
  const script = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
  // process.execArgv carries tsx's loader flags into the child.
  const child: ChildProcess = fork(script, [], { execArgv: process.execArgv, stdio: 'inherit' });
  let pending: PendingJob | undefined;

  return new Promise((resolveStart, rejectStart) => {
    child.once('error', rejectStart);
    child.on('exit', (code) => {
      const error = new Error(`load generator exited (code ${code})`);
      rejectStart(error);
      pending?.reject(error);
      pending = undefined;
    });
    child.on('message', (message: FromLoadGenerator) => {
      if (message.kind === 'ready') {
        resolveStart({
          pid: child.pid ?? 0,
          run: (job) =>
            new Promise((resolve, reject) => {
              pending = {
                resolve,
                reject,
                cpuAtStart: process.cpuUsage(),
                startedAt: performance.now(),
              };
              child.send({ kind: 'run', job } satisfies ToLoadGenerator);
            }),
          stop: () => {
            if (child.connected) child.disconnect();
            child.kill();
          },
        });
      } else if (message.kind === 'measuring') {
        if (pending) {
          pending.cpuAtStart = process.cpuUsage();
          pending.startedAt = performance.now();
        }
      } else if (message.kind === 'result') {
        if (pending) {
          const serverCpu = cpuShare(pending.cpuAtStart, pending.startedAt);
          pending.resolve({ result: message.result, serverCpu });
        }
        pending = undefined;
      } else {
        pending?.reject(new Error(`load generator: ${message.message}`));
        pending = undefined;
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Servers

/** The baseline: a plain Hono app with one route and none of Aria's middleware. */
function startBareServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const bare = new Hono().get('/bench/bare', (c) => c.json({ ok: true }));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: bare.fetch, port: 0, hostname: host }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Athletes for the JWT target: each is created (and its "known" marker stored) by one real
 * call, in process, so that the measured calls find an existing free-tier athlete.
 */
async function provisionAthletes(t: TestApp, ids: readonly string[]): Promise<string[]> {
  const tokens = await Promise.all(ids.map((id) => t.tokenFor(id)));
  const concurrency = 16;
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const response = await t.app.request('/trpc/athletes.get', {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) {
        throw new Error(
          `provisioning an athlete answered ${response.status}: ${await response.text()}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}

/** One request before the run, so a broken target fails with its answer rather than a table. */
async function probe(target: Target): Promise<void> {
  const response = await fetch(`http://${host}:${target.port()}${target.path}`, {
    headers: target.headers?.() ?? {},
    signal: AbortSignal.timeout(5_000),
  });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`${target.name}: probe answered ${response.status}: ${body.slice(0, 300)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function pad(text: string, width: number, alignRight = true): string {
  return alignRight ? text.padStart(width) : text.padEnd(width);
}

/** autocannon records latency in whole milliseconds (truncated): 0 means under 1 ms. */
function wholeMs(value: number): string {
  return value < 1 ? '<1' : value.toFixed(0);
}

function okShare(r: LoadResult): number {
  const attempts = r.responses + r.errors + r.timeouts;
  return attempts === 0 ? 0 : r.ok2xx / attempts;
}

function printTable(measured: readonly Measured[], baselineRps: number): void {
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const rows = measured.map(({ target, result, requestsPerSecond, serverCpu }) => [
    target.name,
    requestsPerSecond.toFixed(0),
    wholeMs(result.latencyP50Ms),
    wholeMs(result.latencyP99Ms),
    String(result.non2xx),
    String(result.errors + result.timeouts),
    percent(serverCpu),
    percent(result.loadGeneratorCpu),
    (requestsPerSecond / baselineRps).toFixed(3),
  ]);
  const header = [
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'server CPU',
    'load CPU',
    'ratio',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => pad(cell, widths[i] ?? 0, i > 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  // A hard bound on the whole run (114 s with the defaults; a normal run takes about 85 s).
  const runs = 7; // the targets below, the baseline twice
  const budgetMs = (30 + runs * (settings.warmupSeconds + settings.durationSeconds + 2)) * 1_000;
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${budgetMs / 1000} s; giving up`);
    process.exit(2);
  }, budgetMs);
  watchdog.unref();

  const cpuCount = availableParallelism(); // before pinning narrows it to one
  const loadGenerator = await startLoadGenerator();
  const pinning = pinProcesses(loadGenerator.pid);
  const bare = await startBareServer();
  const t = await createTestApp({ LOG_LEVEL: settings.logLevel });
  let aria: RunningServer | undefined;
  try {
    aria = await startHttpServer(t.app, { port: 0, host });
    const ariaPort = aria.port;
    let athleteTokens: readonly string[] = [];

    const baseline: Target = {
      name: 'bare Hono GET /bench/bare (baseline)',
      isolates: 'Hono + @hono/node-server, no middleware',
      port: () => bare.port,
      path: '/bench/bare',
      baseline: true,
    };
    const targets: Target[] = [
      baseline,
      {
        name: 'GET /health/live',
        isolates: "Aria's middleware chain only",
        port: () => ariaPort,
        path: '/health/live',
      },
      {
        name: 'GET /trpc/billing.tiers',
        isolates: 'public procedure through fetchRequestHandler',
        port: () => ariaPort,
        path: '/trpc/billing.tiers',
      },
      {
        name: 'GET /v1/tiers',
        isolates: 'the same procedure through the REST adapter (createCaller)',
        port: () => ariaPort,
        path: '/v1/tiers',
      },
      {
        name: 'GET /trpc/athletes.get (service key)',
        isolates: 'service key (no rate limit), actingFor, one database read',
        port: () => ariaPort,
        path: `/trpc/athletes.get?input=${serviceAthleteInput}`,
        headers: () => ({ 'x-api-key': t.internalApiKey }),
      },
      {
        name: 'GET /trpc/athletes.get (JWT, metered)',
        isolates: 'JWT, known-athlete check, tier lookup + rate limit, one database read',
        port: () => ariaPort,
        path: '/trpc/athletes.get',
        bearerTokens: () => athleteTokens,
      },
      { ...baseline, name: 'bare Hono GET /bench/bare (again)' },
    ];

    await provisionAthletes(t, [serviceAthleteId]);

    console.log(
      `Aria HTTP overhead — ${new Date().toISOString()}, Node ${process.version}, ` +
        `${cpuCount} CPUs\n` +
        `autocannon: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ` +
        `${settings.durationSeconds} s per target; log level ${settings.logLevel}; ` +
        `pinning: ${pinning}\n`,
    );

    const measured: Measured[] = [];
    for (const target of targets) {
      if (target.bearerTokens) {
        // Enough athletes that none makes more than `requestsPerAthleteToken` calls. The JWT
        // path runs within ~1.3× of the service-key one just measured (either way round), so
        // 2 × its rate is a safe bound; `maxRequestsPerToken` in the result checks it.
        const service = measured.find((m) => m.target.headers !== undefined);
        const upperRps = (service?.requestsPerSecond ?? 2_000) * 2;
        const seconds = settings.warmupSeconds + settings.durationSeconds;
        const count = Math.min(
          20_000,
          Math.max(100, Math.ceil((upperRps * seconds) / requestsPerAthleteToken)),
        );
        const startedAt = performance.now();
        const ids = Array.from({ length: count }, (_, i) => `${athleteIdPrefix}${i}`);
        athleteTokens = await provisionAthletes(t, ids);
        const took = ((performance.now() - startedAt) / 1000).toFixed(1);
        console.log(`  (provisioned ${count} free-tier athletes, one call each, in ${took} s)`);
      } else {
        // Provisioning above already checked the JWT target's answer.
        await probe(target);
      }
      const tokens = target.bearerTokens?.();
      const { result, serverCpu } = await loadGenerator.run({
        url: `http://${host}:${target.port()}${target.path}`,
        headers: target.headers?.() ?? {},
        ...(tokens ? { bearerTokens: tokens } : {}),
        connections: settings.connections,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
        timeoutSeconds: settings.timeoutSeconds,
      });
      t.logs.lines.length = 0; // the captured request log would otherwise grow all run long
      const requestsPerSecond =
        result.durationSeconds > 0 ? result.responses / result.durationSeconds : 0;
      measured.push({ target, result, requestsPerSecond, serverCpu });
      console.log(
        `  ${target.name} [${target.isolates}]: ${requestsPerSecond.toFixed(0)} req/s` +
          (result.maxRequestsPerToken === undefined
            ? ''
            : ` (at most ${result.maxRequestsPerToken} requests per athlete)`),
      );
    }

    const baselines = measured.filter((m) => m.target.baseline);
    const baselineRps =
      baselines.reduce((sum, m) => sum + m.requestsPerSecond, 0) / Math.max(1, baselines.length);
    console.log('');
    printTable(measured, baselineRps);
    const [first, last] = baselines;
    if (first && last && first.requestsPerSecond > 0) {
      const drift = (last.requestsPerSecond / first.requestsPerSecond - 1) * 100;
      console.log(
        `\nratio = req/s ÷ ${baselineRps.toFixed(0)} (mean of the two baseline runs; ` +
          `they differ by ${drift.toFixed(1)}%, a measure of this run's noise)`,
      );
    }

    let failed = false;
    for (const { target, result } of measured) {
      const codes = Object.entries(result.statusCodes)
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, count]) => `${code}×${count}`);
      if (codes.length > 0 || result.errors + result.timeouts > 0) {
        console.log(
          `${target.name}: non-2xx ${codes.join(', ') || 'none'}; ` +
            `errors ${result.errors}, timeouts ${result.timeouts}`,
        );
      }
      const perToken = result.maxRequestsPerToken ?? 0;
      if (perToken > requestsPerAthleteToken) {
        console.log(
          `${target.name}: an athlete made ${perToken} calls (budget ${requestsPerAthleteToken}); ` +
            'expect 429s from the free tier’s 10 calls a minute',
        );
      }
      if (okShare(result) < 0.5) {
        console.error(`FAIL ${target.name}: mostly not 2xx, so its numbers mean nothing`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  } finally {
    loadGenerator.stop();
    await aria?.close(1_000);
    await bare.close();
    await t.deps.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
