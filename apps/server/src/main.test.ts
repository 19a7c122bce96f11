import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killStartedChildren, startChild } from './process-test-support.js';

const serverDir = join(import.meta.dirname, '..');
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

function startMain(env: Record<string, string>) {
  return startChild(tsx, ['src/main.ts'], {
    cwd: serverDir,
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
  });
}

afterAll(killStartedChildren);

describe('main (the process the container runs)', () => {
  it('boots embedded, seeds, prints a dev token, serves, and exits 0 on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aria-main-'));
    try {
      const run = startMain({
        NODE_ENV: 'development',
        ARIA_DATA_DIR: dataDir,
        SHUTDOWN_DRAIN_MS: '3000',
      });
      const [, port] = await run.waitFor(/"port":(\d+)/);
      const [, token] = await run.waitFor(/Development token for demo-athlete.*\n {2}(\S+)/);
      expect(token?.split('.')).toHaveLength(3);
      expect(run.output().stdout).toContain('seeded the demo athlete');

      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);

      run.child.kill('SIGTERM');
      // Still serving during the drain, with readiness failing so load balancers move away.
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status, {
          timeout: 3_000,
        })
        .toBe(503);
      expect(await run.exited).toBe(0);
      expect(run.output().stdout).toContain('shutdown complete');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a bad environment with one clear message and no stack trace', async () => {
    const run = startMain({ NODE_ENV: 'production', PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('JWT_SECRET or JWT_JWKS_URL');
    expect(stderr).toContain('INTERNAL_API_KEY');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
