import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startChild } from './testing/child-process.js';

const script = fileURLToPath(new URL('./testing/log-then-exit.ts', import.meta.url));
const serverDir = fileURLToPath(new URL('..', import.meta.url));

describe('the default log destination (asynchronous)', () => {
  for (const exitCode of [0, 1]) {
    it(`loses no line when the process calls process.exit(${exitCode}) right after logging`, async () => {
      const lines = 20_000;
      const run = startChild(process.execPath, ['--import', 'tsx', script], {
        cwd: serverDir,
        env: { LINES: String(lines), EXIT_CODE: String(exitCode) },
      });
      expect(await run.exited).toBe(exitCode);
      const logged = run
        .output()
        .stdout.split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { n: number }).n);
      expect(logged).toHaveLength(lines);
      expect(logged.at(-1)).toBe(lines - 1);
    }, 60_000);
  }

  it('loses no line when the process ends by running out of work', async () => {
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '3', DRAIN: '1' },
    });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim().split('\n')).toHaveLength(3);
  }, 60_000);

  it('loses no line when the thread pool is busy as the process ends by running out of work', async () => {
    // An asynchronous write handed on at the 'exit' event queues behind the hash and is dropped.
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '3', DRAIN: '1', BUSY_AT_EXIT: '1', UV_THREADPOOL_SIZE: '1' },
    });
    expect(await run.exited).toBe(0);
    expect(run.output().stdout.trim().split('\n')).toHaveLength(3);
  }, 60_000);

  it('writes a batch smaller than its buffer within a flush interval, without exiting', async () => {
    const run = startChild(process.execPath, ['--import', 'tsx', script], {
      cwd: serverDir,
      env: { LINES: '1', STAY: '1' },
    });
    try {
      // The child never exits by itself: the line can only arrive through the periodic flush.
      await run.waitFor(/"n":0/, 20_000);
      expect(run.child.exitCode).toBeNull();
    } finally {
      run.child.kill('SIGKILL');
    }
  }, 30_000);
});
