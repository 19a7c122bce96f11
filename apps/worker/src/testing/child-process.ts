import { type ChildProcess, spawn } from 'node:child_process';

/** A worker process under test, with its output kept for assertions. */
export interface ChildRun {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): string;
  /** Resolves once stdout matches; rejects after `timeoutMs` or when the child exits. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

const running: ChildProcess[] = [];

/** Starts `node args` with only PATH plus `env` (no inherited secrets or test settings). */
export function startNode(args: readonly string[], cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const run: ChildRun = {
    child,
    exited,
    output: () => output,
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (pattern.test(output)) return;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no ${pattern} in output:\n${output}`);
    },
  };
  return run;
}

/** For afterAll: kills every child a test file started that is still running. */
export function killStartedChildren(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
}
