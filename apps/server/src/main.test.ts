import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { killStartedChildren, startChild } from './testing/child-process.js';

const serverDir = join(import.meta.dirname, '..');
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

function startMain(env: Record<string, string>) {
  return startChild(tsx, ['src/main.ts'], {
    cwd: serverDir,
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
  });
}

/** `pnpm run token …` as the README gives it, run from the server package. */
async function devToken(args: string[], env: Record<string, string>) {
  const run = startChild(tsx, ['src/dev/token.ts', ...args], { cwd: serverDir, env });
  const code = await run.exited;
  return { code, ...run.output() };
}

afterAll(killStartedChildren);

describe('main (the process the container runs)', () => {
  it('boots embedded, seeds the demo, prints the mode and working examples, exits 0 on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aria-main-'));
    const env = { NODE_ENV: 'development', ARIA_DATA_DIR: dataDir, SHUTDOWN_DRAIN_MS: '4000' };
    try {
      const run = startMain(env);
      const [, port] = await run.waitFor(/"port":(\d+)/, 45_000);
      const [, token = ''] = await run.waitFor(/export ARIA_TOKEN=(\S+)/);
      expect(token.split('.')).toHaveLength(3);
      const { stdout } = run.output();
      expect(stdout).toContain('seeded the demo athletes');
      expect(stdout).toMatch(/database +PGlite/);
      expect(stdout).toMatch(/store +in-process store/);
      expect(stdout).toMatch(/coach +built-in coach/);
      expect(stdout).toMatch(/Stripe +off/);
      expect(stdout).toMatch(/Terra +off/);
      expect(stdout).toContain('pnpm run token --role coach|admin|service');

      // Every curl line of the banner answers 200 with the printed token, on real numbers.
      const base = `http://127.0.0.1:${port}`;
      const urls = [
        ...stdout.matchAll(/curl -s -H "Authorization: Bearer \$ARIA_TOKEN" '?(\S+?)'?$/gm),
      ].map(([, url = '']) => url.replace(/^http:\/\/localhost:\d+/, base));
      expect(urls).toHaveLength(3);
      const answers: unknown[] = [];
      for (const url of urls) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        expect(response.status, url).toBe(200);
        answers.push(await response.json());
      }
      const [load, readiness, today] = answers as [
        { days: { load: number }[]; acwr: unknown },
        { score: number; model: string },
        {
          result: {
            data: {
              json: { session: unknown; acwr: { rolling: { ratio: number } | null } | null };
            };
          };
        },
      ];
      expect(load.days.some((day) => day.load > 0)).toBe(true);
      expect(readiness.score).toBeGreaterThan(0);
      expect(readiness.model).toBe('hrv_baseline');
      expect(today.result.data.json.session).toBeTruthy();
      expect(today.result.data.json.acwr?.rolling?.ratio).toBeGreaterThan(0);

      // The printed (star) athlete can generate a plan.
      const plan = await fetch(`${base}/v1/plans`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          event: '200m',
          experienceLevel: 'advanced',
          daysPerWeek: 5,
          competitionDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        }),
      });
      expect(plan.status).toBe(201);

      // pnpm token: a working credential for every role, against the same data directory.
      const coach = await devToken(['--role', 'coach'], env);
      expect(coach.code).toBe(0);
      const linked = await fetch(`${base}/v1/coach/athletes`, {
        headers: { Authorization: `Bearer ${coach.stdout.trim()}` },
      });
      expect(await linked.json()).toMatchObject({ athletes: [{ athleteId: 'demo-athlete' }] });

      const admin = await devToken(['--role', 'admin'], env);
      const article = await fetch(`${base}/v1/knowledge`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${admin.stdout.trim()}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ title: 'Block starts', summary: 'Set position.', tags: ['starts'] }),
      });
      expect(article.status).toBe(201);

      const service = await devToken(['--role', 'service'], env);
      expect(service.stderr).toContain('X-API-Key');
      const free = await fetch(`${base}/v1/athletes/demo-free-athlete`, {
        headers: { 'X-API-Key': service.stdout.trim() },
      });
      expect(free.status).toBe(200);

      const other = await devToken(['--role', 'athlete', '--sub', 'someone-else'], env);
      const me = await fetch(`${base}/v1/athletes/someone-else`, {
        headers: { Authorization: `Bearer ${other.stdout.trim()}` },
      });
      expect(me.status).toBe(200);

      run.child.kill('SIGTERM');
      // Still serving during the drain, with readiness failing so load balancers move away.
      // The drain is timed from the handler's log line, not from the kill: on a loaded machine
      // the signal can wait behind other work.
      await run.waitFor(/readiness fails while load balancers notice/, 15_000);
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
  }, 90_000);

  it('refuses development tokens outside development, and unknown roles', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'aria-token-'));
    try {
      const production = await devToken(['--role', 'admin'], {
        NODE_ENV: 'production',
        ARIA_DATA_DIR: dataDir,
        JWT_SECRET: 'a-production-secret-of-at-least-32-bytes',
        INTERNAL_API_KEY: 'a-production-internal-key-0123456789abcdef',
      });
      expect(production.code).toBe(1);
      expect(production.stdout).toBe('');
      expect(production.stderr).toContain('refused');
      expect(production.stderr).not.toContain('a-production');

      const unknown = await devToken(['--role', 'root'], { ARIA_DATA_DIR: dataDir });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('usage: pnpm run token --role athlete|coach|admin|service');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('pnpm run token reads .env, and the shell wins over it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aria-env-'));
    const fileSecret = 'a-development-secret-from-the-env-file-0123456789';
    try {
      await writeFile(join(dir, '.env'), `JWT_SECRET=${fileSecret}\nNODE_ENV=production\n`);
      const env = {
        HOME: process.env.HOME ?? '',
        ARIA_ENV_FILE: join(dir, '.env'),
        ARIA_DATA_DIR: dir,
        NODE_ENV: 'development',
      };
      const run = startChild('pnpm', ['--silent', 'run', 'token', '--role', 'coach'], {
        cwd: serverDir,
        env,
      });
      expect(await run.exited, run.output().stderr).toBe(0);
      const { payload } = await jwtVerify(
        run.output().stdout.trim(),
        new TextEncoder().encode(fileSecret),
      );
      expect(payload).toMatchObject({ sub: 'demo-coach', role: 'coach' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

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
