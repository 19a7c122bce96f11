import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testServices } from '@aria/config/testing';
import { describe, expect, it } from 'vitest';

// The bench in smoke mode (one second per target): proves `pnpm bench` still builds, starts
// every server it measures and reads every path with 2xx answers and no 5xx. Its numbers are not judged here.
const services = testServices();
const benchDir = fileURLToPath(new URL('..', import.meta.url));

function runSmokeBench(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/run.ts'], {
      cwd: benchDir,
      env: {
        PATH: process.env.PATH ?? '',
        BENCH_SMOKE: '1',
        BENCH_DATABASE_URL: services.databaseUrl ?? '',
        BENCH_REDIS_URL: services.redisUrl ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const missingServices = !services.databaseUrl || !services.redisUrl;

// Locally without services it is skipped; in CI (services required) a skip fails the run.
describe.skipIf(missingServices && !services.required)(
  'pnpm bench (smoke mode) [postgres] [redis]',
  () => {
    it('measures every anchor and Aria variant with 2xx answers and checks each target', async () => {
      if (missingServices) throw new Error('the bench needs TEST_DATABASE_URL and TEST_REDIS_URL');
      const { code, output } = await runSmokeBench();
      expect(output, output).toContain('SMOKE MODE');
      expect(code, output).toBe(0);
      for (const server of ['anchors', 'prod', 'pg+memory', 'embedded']) {
        expect(output).toMatch(new RegExp(`\\n\\S.*\\s${server.replace('+', '\\+')}\\s+\\d+`));
      }
      expect(output).toMatch(/cold start of node dist\/main\.js/);
      expect(output).not.toMatch(/FAIL /);
    }, 420_000);
  },
);
