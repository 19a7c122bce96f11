import { type ChildProcess, spawn } from 'node:child_process';

/** A child process under test, with its output kept for assertions. */
export interface ChildRun {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  /** Resolves with the first match in stdout; rejects after `timeoutMs` or when the child exits. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

const running: ChildProcess[] = [];

/**
 * Starts `command args` with only PATH plus `env` (no inherited secrets or test settings).
 * `detached` makes the child lead its own process group, to signal it as a terminal does.
 */
export function startChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; detached?: boolean },
): ChildRun {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
    },
  };
}

/** For afterAll: kills every child a test file started that is still running. */
export function killStartedChildren(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
}
