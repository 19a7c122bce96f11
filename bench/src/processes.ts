// Child processes the bench measures: the anchors and Aria's built bundle (`node dist/main.js`),
// each started fresh, timed to readiness, and sampled for resident memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageNodeOptions } from '../../apps/server/build.js';
import type { Secrets } from './pool.js';

export const host = '127.0.0.1';

export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  readonly port: number;
  /** Milliseconds from spawn to the first successful readiness answer. */
  readonly startMs: number;
  /** Resident set size now, in MB (Linux `/proc`). */
  rssMb(): number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A port the OS says is free now (closed again before the child binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
  attemptMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(attemptMs) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const log = readFileSync(logFile, 'utf8').slice(-2_000);
  throw new Error(`${url} was not ready in ${timeoutMs} ms (exit ${child.exitCode}):\n${log}`);
}

function procStat(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  // Fields 14 and 15 of /proc/<pid>/stat are utime and stime in clock ticks (100 per second).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}

interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly readyPath: string;
  readonly cwd: string;
  /** Where the process's output is written (`<name>.log`). */
  readonly logDir: string;
  readonly timeoutMs?: number;
  /** How long one readiness request may take (1 s). */
  readonly readyAttemptMs?: number;
  /** A command the process runs under (e.g. valgrind and its flags); none by default. */
  readonly wrapper?: readonly string[];
}

async function startProcess(options: StartOptions): Promise<BenchProcess> {
  const port = await freePort();
  const logFile = join(options.logDir, `${options.name.replace(/\W+/g, '-')}.log`);
  const log = openSync(logFile, 'w');
  const startedAt = performance.now();
  // Output goes to a file: the bench process must not spend its CPU reading the request log.
  const [wrapperCommand, ...wrapperArgs] = options.wrapper ?? [];
  const [command, args] =
    wrapperCommand === undefined
      ? [options.command, options.args]
      : [wrapperCommand, [...wrapperArgs, options.command, ...options.args]];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(port), HOST: host },
    stdio: ['ignore', log, log],
  });
  // Whatever ends the bench (a failure, the watchdog, a signal), no server outlives it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  try {
    await waitUntilReady(
      `http://${host}:${port}${options.readyPath}`,
      child,
      logFile,
      options.timeoutMs ?? 60_000,
      options.readyAttemptMs ?? 1_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const startMs = performance.now() - startedAt;
  const pid = child.pid ?? 0;
  return {
    name: options.name,
    pid,
    port,
    startMs,
    rssMb: () => procStat(pid).rssMb,
    cpuSeconds: () => procStat(pid).cpuSeconds,
    stop: () => {
      // A process that ended by a signal has a signalCode and no exitCode.
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

/** The anchors (see anchors-server.ts), reading `databaseUrl` for the postgres.js anchor. */
export function startAnchors(
  workDir: string,
  databaseUrl: string,
  wrapper: readonly string[] = [],
): Promise<BenchProcess> {
  const script = fileURLToPath(new URL('./anchors-server.ts', import.meta.url));
  return startProcess({
    name: 'anchors',
    command: process.execPath,
    args: ['--import', 'tsx', script],
    env: { ANCHOR_DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    readyPath: '/bare',
    // tsx is resolved from the bench package.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    logDir: workDir,
    ...wrapped(wrapper),
  });
}

/**
 * Aria's production bundle with `env` (database, store, secrets), started with the image's Node
 * options, ready when /health/ready is 200.
 */
export function startAria(
  name: string,
  mainJs: string,
  workDir: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
  wrapper: readonly string[] = [],
): Promise<BenchProcess> {
  return startProcess({
    name,
    command: process.execPath,
    args: [...imageNodeOptions, ...nodeArgs, mainJs],
    env,
    readyPath: '/health/ready',
    cwd: workDir,
    logDir: workDir,
    ...wrapped(wrapper),
  });
}

/**
 * Under a wrapper (valgrind runs code tens of times slower) start-up may take minutes, and
 * each readiness request is answered slowly too.
 */
function wrapped(
  wrapper: readonly string[],
): Pick<StartOptions, 'wrapper' | 'timeoutMs' | 'readyAttemptMs'> {
  return wrapper.length === 0 ? {} : { wrapper, timeoutMs: 600_000, readyAttemptMs: 10_000 };
}

/** What every Aria the bench starts runs with: production, the run's secrets, no drain. */
export function ariaEnv(secrets: Secrets, logLevel: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: logLevel,
    JWT_SECRET: secrets.jwtSecret,
    INTERNAL_API_KEY: secrets.internalApiKey,
    SHUTDOWN_DRAIN_MS: '0', // no load balancer to tell between the runs
  };
}

/**
 * Exits once `main` settles, with its code (0 when it gives none), or 1 after printing its
 * error: the load generator's and the bridge's handles would otherwise keep the process alive.
 */
export function exitWhenDone(main: Promise<unknown>): void {
  main.then(
    (code) => process.exit(typeof code === 'number' ? code : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
