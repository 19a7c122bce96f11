/**
 * The published artifact as a consumer gets it: build (global setup), `pnpm pack`, then
 * `npm install` of the tarball into a copy of examples/tracklit-web, outside the workspace.
 * Its TypeScript must accept correct calls and refuse wrong ones, and the installed
 * JavaScript must talk to the real server over HTTP.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../apps/server/src/http-server.js';
import { createTestApp } from '../../../apps/server/src/testing/app.js';
import { type AriaTestServer, startAriaServer } from '../testing/aria-server.js';
import { launchChromium, type Preview, startPreview } from '../testing/browser.js';
import { packageDir } from '../tools/build-for-tests.js';
import { createAriaClient } from './index.js';

const exampleDir = path.resolve(packageDir, '../../examples/tracklit-web');

interface RunResult {
  readonly code: number;
  readonly output: string;
}

/** Runs a command without a shell and never throws: the exit code is part of the answer. */
function run(command: string, args: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

async function runOk(command: string, args: readonly string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.output}`);
  }
  return result.output;
}

/** pnpm as the test was started with it, else from PATH (CI puts corepack's shim there). */
function pnpm(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
}

/** `file(line,col): error TSxxxx` lines of a tsc run, as `file:line TSxxxx`. */
function tsErrors(output: string): string[] {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+)/gm)].map(
    ([, file, line, code]) => `${file}:${line} ${code}`,
  );
}

let workDir: string;
let appDir: string;
const timings: Record<string, number> = {};

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = Math.round(performance.now() - started);
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'aria-client-consumer-'));
  appDir = path.join(workDir, 'tracklit-web');
  const [command, prefix] = pnpm();
  await timed('pack', () =>
    runOk(command, [...prefix, 'pack', '--pack-destination', workDir], packageDir),
  );
  const tarball = (await readdir(workDir)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack left no tarball in ${workDir}`);

  await cp(exampleDir, appDir, {
    recursive: true,
    filter: (source) => !/[\\/](node_modules|package-lock\.json|[^\\/]+\.tgz)$/.test(source),
  });
  const manifestPath = path.join(appDir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  manifest.dependencies['@aria/client'] = `file:${path.join(workDir, tarball)}`;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

  await timed('npm install', () =>
    runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], appDir),
  );
}, 180_000);

afterAll(async () => {
  console.info(`consumer timings (ms): ${JSON.stringify(timings)}`);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function tsc(extra: readonly string[] = []): Promise<RunResult> {
  const bin = path.join(appDir, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [bin, '--noEmit', '-p', 'tsconfig.json', ...extra], appDir);
}

describe('a consumer of the packed @aria/client', () => {
  it('installed the tarball with its declaration, outside the workspace', async () => {
    const installed = path.join(appDir, 'node_modules', '@aria', 'client');
    expect(await readdir(path.join(installed, 'dist'))).toEqual(
      expect.arrayContaining(['index.d.ts', 'index.js', 'react.d.ts', 'react.js']),
    );
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    expect(manifest.peerDependencies).toEqual({
      '@tanstack/react-query': '^5.80.3',
      '@trpc/client': '11.22.1',
      '@trpc/server': '11.22.1',
      '@trpc/tanstack-react-query': '11.22.1',
      react: '^18.2.0 || ^19.0.0',
    });
    expect(manifest.dependencies).toEqual({ superjson: expect.any(String) });
    // Resolvers that ignore "exports" (Metro in React Native 0.76 by default, TypeScript's
    // node10) find the react entry through react/package.json.
    const legacy = JSON.parse(
      await readFile(path.join(installed, 'react', 'package.json'), 'utf8'),
    );
    for (const file of [legacy.main, legacy.types]) {
      expect((await stat(path.join(installed, 'react', file))).isFile(), file).toBe(true);
    }
    expect(JSON.stringify(manifest)).not.toMatch(/"(workspace|catalog):/);
  });

  it('type-checks the example as shipped (strict, DOM only)', async () => {
    const result = await timed('tsc (example)', tsc);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 60_000);

  it("type-checks every declaration but tRPC 11.22's own with skipLibCheck off", async () => {
    const result = await timed('tsc (lib check)', () => tsc(['--skipLibCheck', 'false']));
    // @trpc/client 11.22.1 declares its WebSocket link with Node's http and ws types.
    const foreign = tsErrors(result.output).filter((e) => !e.startsWith('node_modules/@trpc/'));
    expect(foreign).toEqual([]);
  }, 60_000);

  it('refuses calls that do not match the router', async () => {
    const wrongFile = path.join(appDir, 'src', 'wrong.ts');
    await writeFile(
      wrongFile,
      [
        "import { createAriaClient, type RouterInputs } from '@aria/client';",
        '',
        "const client = createAriaClient({ url: 'https://aria.example.com/trpc' });",
        '',
        'export async function wrong(): Promise<string> {',
        '  const health = await client.health.query(42);',
        '  const time: string = health.time;',
        '  return time;',
        '}',
        '',
        "export const both = createAriaClient({ url: 'x', token: 'jwt', apiKey: 'aria_sk_1' });",
        '',
        "export const input: RouterInputs['health'] = { verbose: true };",
        '',
      ].join('\n'),
    );
    try {
      const result = await timed('tsc (wrong calls)', tsc);
      expect(result.code).not.toBe(0);
      expect(tsErrors(result.output)).toEqual([
        // an argument where health takes none
        'src/wrong.ts:6 TS2345',
        // health.time is a Date, not a string
        'src/wrong.ts:7 TS2322',
        // a token and an API key together
        'src/wrong.ts:11 TS2345',
        // health has no input
        'src/wrong.ts:13 TS2322',
      ]);
    } finally {
      await rm(wrongFile, { force: true });
    }
  }, 60_000);

  it('runs against the real server over HTTP: superjson gives back a Date', async () => {
    const t = await createTestApp();
    const server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${server.port}/trpc`;
      const output = await timed('smoke', () =>
        runOk(process.execPath, ['smoke.mjs', url], appDir),
      );
      const health = JSON.parse(output) as { status: string; time: string };
      expect(health.status).toBe('ok');
      expect(Math.abs(Date.parse(health.time) - Date.now())).toBeLessThan(60_000);
    } finally {
      await server.close(1_000);
      await t.deps.close();
    }
  }, 60_000);
});

describe('the web example in a real browser (chromium)', () => {
  let server: AriaTestServer;
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startAriaServer();
    const service = createAriaClient({ url: server.url, apiKey: server.app.internalApiKey });
    await service.athletes.create.mutate({ id: 'web-pro', name: 'Pro Sprinter' });
    await service.billing.setTier.mutate({ athleteId: 'web-pro', tier: 'pro' });
    await service.knowledge.create.mutate({
      title: 'Block start mechanics',
      summary: 'How to improve the block start: set position, push phase and first steps.',
      tags: ['start', 'blocks', 'acceleration'],
      url: 'https://example.org/block-starts',
    });
    await service.wearables.recordMetrics.mutate({
      athleteId: 'web-pro',
      date: new Date().toISOString().slice(0, 10),
      hrvRmssd: 72,
      restingHr: 48,
      sleepHours: 8,
      sleepEfficiencyPercent: 92,
      recoveryScore: 80,
    });
    await timed('vite build', () =>
      runOk(
        process.execPath,
        [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build'],
        appDir,
      ),
    );
    preview = await timed('vite preview', () => startPreview(appDir, server.origin));
    browser = await timed('chromium', launchChromium);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    await server?.close();
  });

  async function signedIn(sub: string): Promise<Page> {
    if (!browser || !preview) throw new Error('the browser did not start');
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(`${sub}: ${error.message}`));
    await page.goto(preview.url);
    await page.getByLabel('Development token').fill(await server.tokenFor(sub));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('athlete').textContent()).toBe(`Signed in as ${sub}`);
    return page;
  }

  it('asks with the answer streaming in, then shows the bibliography and refreshes', async () => {
    const page = await signedIn('web-pro');
    await expect.poll(() => page.getByTestId('usage').textContent()).toMatch(/Questions: 0 of 15/);
    await page
      .getByPlaceholder('How do I improve my block start?')
      .fill('How do I improve my block start?');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('[data-testid="answer"][data-state="done"]').waitFor();
    const parts = Number(
      /(\d+) parts streamed/.exec(
        (await page.getByTestId('stream-parts').textContent()) ?? '',
      )?.[1],
    );
    expect(parts).toBeGreaterThan(3);
    expect((await page.getByTestId('recommendation').textContent())?.length).toBeGreaterThan(20);
    expect(await page.getByTestId('bibliography').locator('li').count()).toBeGreaterThan(0);
    // The ask refreshed the conversations and the usage (invalidation after the stream).
    await expect
      .poll(() => page.getByTestId('conversations').textContent())
      .toBe('1 conversations');
    await expect.poll(() => page.getByTestId('usage').textContent()).toMatch(/Questions: 1 of 15/);
  }, 60_000);

  it("generates a plan, renders its weeks, and shows today's session and readiness", async () => {
    const page = await signedIn('web-pro');
    await expect.poll(() => page.getByTestId('plan-count').textContent()).toBe('0 plans');
    await page.getByRole('button', { name: 'Generate a 100 m plan' }).click();
    await page.getByTestId('plan').waitFor();
    expect(await page.getByTestId('plan-week').count()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => page.getByTestId('plan-count').textContent()).toBe('1 plans');
    await page.getByTestId('today').waitFor();
    // Some days are rest days ("Rest"), so only ask that today's line says something.
    expect((await page.getByTestId('today').textContent())?.trim()).toMatch(/^[A-Z][\w –()-]+\.?$/);
    await page.getByTestId('readiness').waitFor();
    expect(await page.getByTestId('readiness-factor').count()).toBeGreaterThan(0);
  }, 60_000);

  it('shows the upgrade prompt with the tier and limit on a 402', async () => {
    const page = await signedIn('web-free');
    await page.getByRole('button', { name: 'Generate a 100 m plan' }).click();
    const upgrade = page.getByTestId('upgrade').first();
    await upgrade.waitFor();
    expect(await upgrade.textContent()).toMatch(/free plan includes 0 of these a month/);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

describe('declarations for consumers on the lowest TypeScript tRPC 11 supports (5.7.2)', () => {
  const lowest = '5.7.2';
  const compatDir = () => path.join(appDir, 'compat');

  beforeAll(async () => {
    await timed('npm install (compat)', () =>
      runOk(
        'npm',
        [
          'install',
          '--no-save',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          `typescript-lowest@npm:typescript@${lowest}`,
          '@types/react-18@npm:@types/react@18.3.32',
        ],
        appDir,
      ),
    );
    await cp(path.join(packageDir, 'testing', 'compat'), compatDir(), { recursive: true });
  }, 120_000);

  const matrix = [
    { resolution: 'bundler', module: 'ESNext', react: 18 },
    { resolution: 'bundler', module: 'ESNext', react: 19 },
    { resolution: 'node16', module: 'node16', react: 18 },
    { resolution: 'node16', module: 'node16', react: 19 },
  ] as const;

  it.each(matrix)(
    'compile with moduleResolution $resolution and React $react types',
    async ({ resolution, module, react }) => {
      const react18 = '../node_modules/@types/react-18';
      const config = {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
          module,
          moduleResolution: resolution,
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          noEmit: true,
          ...(react === 18
            ? { paths: { react: [`${react18}/index.d.ts`], 'react/*': [`${react18}/*`] } }
            : {}),
        },
        files: ['consumer.ts'],
      };
      const name = `tsconfig.${resolution}.react${react}.json`;
      await writeFile(path.join(compatDir(), name), JSON.stringify(config, null, 2));
      const bin = path.join(appDir, 'node_modules', 'typescript-lowest', 'bin', 'tsc');
      const result = await timed(`tsc ${lowest} ${resolution} react${react}`, () =>
        run(process.execPath, [bin, '-p', name, '--explainFiles'], compatDir()),
      );
      // The React types of the row, and only those, were compiled.
      const used = (folder: string) => result.output.includes(`node_modules/${folder}/index.d.ts`);
      expect([used('@types/react-18'), used('@types/react')]).toEqual([react === 18, react === 19]);
      // @trpc/client 11.22.1 declares its WebSocket link with Node's http and ws types.
      const errors = tsErrors(result.output).filter((e) => !e.includes('node_modules/@trpc/'));
      expect(errors).toEqual([]);
    },
    90_000,
  );
});
