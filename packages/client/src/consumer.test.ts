/**
 * The published artifact as a consumer gets it: build (global setup), `pnpm pack`, then
 * `npm install` of the tarball into a copy of examples/tracklit-web, outside the workspace.
 * Its TypeScript must accept correct calls and refuse wrong ones, and the installed
 * JavaScript must talk to the real server over HTTP.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../apps/server/src/http-server.js';
import { createTestApp } from '../../../apps/server/src/testing/app.js';
import { packageDir } from '../tools/build-for-tests.js';

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

function tsc(): Promise<RunResult> {
  const bin = path.join(appDir, 'node_modules', 'typescript', 'bin', 'tsc');
  return run(process.execPath, [bin, '--noEmit', '-p', 'tsconfig.json'], appDir);
}

describe('a consumer of the packed @aria/client', () => {
  it('installed the tarball with its declaration, outside the workspace', async () => {
    const installed = path.join(appDir, 'node_modules', '@aria', 'client');
    expect((await readdir(path.join(installed, 'dist'))).sort()).toEqual([
      'index.d.ts',
      'index.js',
    ]);
    const manifest = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    expect(manifest.peerDependencies).toEqual({
      '@trpc/client': '11.25.2',
      '@trpc/server': '11.25.2',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/"(workspace|catalog):/);
  });

  it('type-checks the example (strict, DOM only, skipLibCheck off)', async () => {
    const result = await timed('tsc (example)', tsc);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
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
