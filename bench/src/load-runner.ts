// The parent's side of the load generator (a child process running autocannon), and CPU pinning:
// the measured server on one core, the generator (and this process) on the other.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { FromLoadGenerator, LoadJob, LoadResult, ToLoadGenerator } from './load-protocol.js';

export interface LoadGenerator {
  readonly pid: number;
  /** Runs one job; `onMeasuring` is called when the warm-up ends and the measured run begins. */
  run(job: LoadJob, onMeasuring: () => void): Promise<LoadResult>;
  stop(): void;
}

export function startLoadGenerator(): Promise<LoadGenerator> {
  const script = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
  // process.execArgv carries tsx's loader flags into the child.
  const child: ChildProcess = fork(script, [], { execArgv: process.execArgv, stdio: 'inherit' });
  let pending:
    | { resolve(result: LoadResult): void; reject(error: Error): void; onMeasuring(): void }
    | undefined;

  return new Promise((resolveStart, rejectStart) => {
    child.once('error', rejectStart);
    process.once('exit', () => child.kill('SIGKILL'));
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
          run: (job, onMeasuring) =>
            new Promise((resolve, reject) => {
              // A run that never reports back fails the bench instead of hanging it.
              const limitMs = (job.warmupSeconds + job.durationSeconds + 30) * 1_000;
              const timer = setTimeout(() => {
                pending = undefined;
                reject(new Error(`the load generator did not report ${job.url} in ${limitMs} ms`));
              }, limitMs);
              pending = {
                resolve: (result) => {
                  clearTimeout(timer);
                  resolve(result);
                },
                reject: (error) => {
                  clearTimeout(timer);
                  reject(error);
                },
                onMeasuring,
              };
              child.send({ kind: 'run', job } satisfies ToLoadGenerator);
            }),
          stop: () => {
            if (child.connected) child.disconnect();
            child.kill();
          },
        });
      } else if (message.kind === 'measuring') {
        pending?.onMeasuring();
      } else if (message.kind === 'result') {
        pending?.resolve(message.result);
        pending = undefined;
      } else {
        pending?.reject(new Error(`load generator: ${message.message}`));
        pending = undefined;
      }
    });
  });
}

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

function pinTo(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-cp', String(cpu), String(pid)], {
    stdio: 'ignore',
    timeout: 2_000,
  });
}

export interface Pinning {
  readonly description: string;
  /** Pins a measured server to the server core (no-op when pinning is off). */
  server(pid: number): void;
  /** Gives the local PostgreSQL and redis-server back the CPUs they had. */
  release(): void;
}

/**
 * Pins the generator, this process (and with it the Redis bridge) and the local PostgreSQL
 * and redis-server to one core, and reserves the other for the measured servers: in
 * production the database and Redis run on other machines, and here their backends would
 * otherwise take turns with the server on its core.
 */
export function pinProcesses(enabled: boolean, loadGeneratorPid: number): Pinning {
  const off = (why: string): Pinning => ({
    description: `off (${why})`,
    server: () => {},
    release: () => {},
  });
  if (!enabled) return off('BENCH_PIN=0');
  try {
    const [serverCpu, loadCpu] = allowedCpus();
    if (serverCpu === undefined || loadCpu === undefined || availableParallelism() < 2) {
      return off('fewer than 2 CPUs allowed');
    }
    pinTo(loadGeneratorPid, loadCpu);
    pinTo(process.pid, loadCpu);
    const services = pinServices(loadCpu);
    process.once('exit', services.release);
    const moved = services.names.map((name) => `, ${name}`).join('');
    return {
      description: `servers on CPU ${serverCpu}; load generator, bench, Redis bridge${moved} on CPU ${loadCpu}`,
      server: (pid) => pinTo(pid, serverCpu),
      release: services.release,
    };
  } catch {
    return off('taskset unavailable');
  }
}

/** Local PostgreSQL (postmaster and backends; new backends inherit) and redis-server. */
function pinServices(cpu: number): { names: string[]; release(): void } {
  const names: string[] = [];
  const previous = new Map<number, string>();
  for (const [command, name] of [
    ['postgres', 'PostgreSQL'],
    ['redis-server', 'redis-server'],
  ] as const) {
    let moved = false;
    for (const pid of processesNamed(command)) {
      try {
        const mask = execFileSync('taskset', ['-p', String(pid)], { encoding: 'utf8' })
          .split(':')
          .pop()
          ?.trim();
        if (!mask) continue;
        pinTo(pid, cpu);
        previous.set(pid, mask);
        moved = true;
      } catch {
        // Not ours to move (another user's), or it ended meanwhile.
      }
    }
    if (moved) names.push(name);
  }
  let released = false;
  return {
    names,
    release: () => {
      if (released) return;
      released = true;
      for (const [pid, mask] of previous) {
        try {
          execFileSync('taskset', ['-a', '-p', mask, String(pid)], {
            stdio: 'ignore',
            timeout: 2_000,
          });
        } catch {
          // A backend that has ended.
        }
      }
    },
  };
}

function processesNamed(command: string): number[] {
  try {
    return execFileSync('pgrep', ['-x', command], { encoding: 'utf8', timeout: 2_000 })
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
