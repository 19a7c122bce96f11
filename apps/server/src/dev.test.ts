import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChildRun, startChild } from './testing/child-process.js';

// The README's first command, as a newcomer runs it: `pnpm dev` from the repository root.
const repoDir = join(import.meta.dirname, '../../..');

describe('pnpm dev', () => {
  /** Ctrl-C in a terminal signals the whole foreground process group, pnpm included. */
  function startDev(env: Record<string, string>): ChildRun & { interrupt(): void } {
    const run = startChild('pnpm', ['dev'], {
      cwd: repoDir,
      env: { HOME: process.env.HOME ?? '', ...env },
      detached: true,
    });
    return { ...run, interrupt: () => process.kill(-(run.child.pid ?? 0), 'SIGINT') };
  }

  it('stops on Ctrl-C after a graceful shutdown, exit code 0 and no ELIFECYCLE noise', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aria-dev-'));
    const run = startDev({ PORT: '0', HOST: '127.0.0.1', ARIA_DATA_DIR: dataDir });
    try {
      await run.waitFor(/"msg":"listening"/, 60_000);
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
