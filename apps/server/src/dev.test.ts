import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChildRun } from './testing/child-process.js';

// The README's first command, as a newcomer runs it: `pnpm dev` from the repository root.
const repoDir = join(import.meta.dirname, '../../..');

describe('pnpm dev', () => {
  /** Ctrl-C in a terminal signals the whole foreground process group, pnpm included. */
  function startDev(env: Record<string, string>): ChildRun & { interrupt(): void } {
    const child = spawn('pnpm', ['dev'], {
      cwd: repoDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return {
      child,
      exited,
      output: () => ({ stdout, stderr }),
      interrupt: () => process.kill(-(child.pid ?? 0), 'SIGINT'),
      async waitFor(pattern, timeoutMs = 60_000) {
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline && child.exitCode === null) {
          const match = stdout.match(pattern);
          if (match) return match;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`no ${pattern} in output:\n${stdout}\n${stderr}`);
      },
    };
  }

  it('stops on Ctrl-C after a graceful shutdown, exit code 0 and no ELIFECYCLE noise', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aria-dev-'));
    const run = startDev({ PORT: '0', HOST: '127.0.0.1', ARIA_DATA_DIR: dataDir });
    try {
      await run.waitFor(/"msg":"listening"/);
      run.interrupt();
      expect(await run.exited).toBe(0);
      const { stdout, stderr } = run.output();
      expect(stdout).toContain('shutdown complete');
      expect(`${stdout}${stderr}`).not.toContain('ELIFECYCLE');
      expect(`${stdout}${stderr}`).not.toMatch(/Force killing|Command failed/);
    } finally {
      if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
