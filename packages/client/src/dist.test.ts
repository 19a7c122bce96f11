import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../tools/build-for-tests.js';

const distDir = path.join(packageDir, 'dist');

/** Server-only modules: none may be named by what is published. */
const serverOnly = [
  '@aria/',
  'drizzle-orm',
  'postgres',
  '@electric-sql/pglite',
  '@upstash/',
  'hono',
  'pino',
  'zod',
];
/** What the published files may import: the peers, superjson and their own chunks. */
const peers = ['@trpc/client', '@trpc/tanstack-react-query', '@tanstack/react-query', 'react'];
const allowedInDeclarations = [...peers, '@trpc/server', 'superjson'];
const allowedInJavaScript = [...peers, '@trpc/server/observable', 'superjson'];
const isOwnChunk = (specifier: string) => /^\.\/[\w-]+\.(d\.)?[jt]s$/.test(specifier);

/** Every module specifier a declaration or module file names, however it names it. */
function specifiersIn(code: string): string[] {
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\/\/\/\s*<reference\s+(?:types|path)\s*=\s*["']([^"']+)["']/g,
    /\bdeclare\s+module\s+["']([^"']+)["']/g,
  ];
  return [...new Set(patterns.flatMap((p) => [...code.matchAll(p)].map((m) => m[1] ?? '')))];
}

function isServerOnly(specifier: string): boolean {
  return serverOnly.some((name) =>
    name.endsWith('/')
      ? specifier.startsWith(name)
      : specifier === name || specifier.startsWith(`${name}/`),
  );
}

async function distFiles(suffix: string) {
  const names = (await readdir(distDir)).filter((name) => name.endsWith(suffix));
  return Promise.all(
    names.map(async (name) => ({ name, code: await readFile(path.join(distDir, name), 'utf8') })),
  );
}

describe('the built package', () => {
  it('has the ESM entries (core and react) and their bundled declarations', async () => {
    for (const file of ['index.js', 'index.d.ts', 'react.js', 'react.d.ts']) {
      expect((await stat(path.join(distDir, file))).isFile(), file).toBe(true);
    }
  });

  it('keeps React and TanStack out of the core entry', async () => {
    const chunks = await distFiles('.js');
    const reachable = new Set(['index.js']);
    for (const name of reachable) {
      const code = chunks.find((file) => file.name === name)?.code ?? '';
      for (const specifier of specifiersIn(code)) {
        if (isOwnChunk(specifier)) reachable.add(specifier.slice(2));
        else
          expect(
            ['@trpc/client', '@trpc/server/observable', 'superjson'],
            `${name} imports ${specifier}`,
          ).toContain(specifier);
      }
    }
    expect(chunks.map((file) => file.name)).toContain('index.js');
  });

  it('names no server-only module in its declarations', async () => {
    const files = await distFiles('.d.ts');
    expect(files.length).toBeGreaterThan(0);
    for (const { name, code } of files) {
      const specifiers = specifiersIn(code);
      expect(specifiers.filter(isServerOnly), name).toEqual([]);
      expect(
        specifiers.filter((s) => !allowedInDeclarations.includes(s) && !isOwnChunk(s)),
        name,
      ).toEqual([]);
    }
  });

  it('imports only its peers and superjson at run time', async () => {
    for (const { name, code } of await distFiles('.js')) {
      const specifiers = specifiersIn(code);
      expect(specifiers.filter(isServerOnly), name).toEqual([]);
      expect(
        specifiers.filter((s) => !allowedInJavaScript.includes(s) && !isOwnChunk(s)),
        name,
      ).toEqual([]);
    }
  });

  it('keeps the declarations small (no ORM or schema types inlined)', async () => {
    for (const { name, code } of await distFiles('.d.ts')) {
      expect(code.length, name).toBeLessThan(256 * 1024);
    }
  });

  it('declares the client, its options, the router types and the error helpers', async () => {
    const [declaration] = await distFiles('index.d.ts');
    const exported = /export \{([^}]*)\};?\s*$/.exec(declaration?.code ?? '')?.[1] ?? '';
    const names = exported.split(',').map((n) => n.trim().replace(/^type /, ''));
    expect(names).toEqual(
      expect.arrayContaining([
        'createAriaClient',
        'AriaClientOptions',
        'AppRouter',
        'RouterInputs',
        'RouterOutputs',
        'Problem',
        'ErrorCode',
        'isAriaError',
        'problemOf',
        'transformer',
        'askCoach',
        'isStreamingUnsupported',
        'StreamingUnsupportedError',
      ]),
    );
  });

  it('declares the TanStack Query bindings in the react entry', async () => {
    const [declaration] = await distFiles('react.d.ts');
    const exported = /export \{([^}]*)\};?\s*$/.exec(declaration?.code ?? '')?.[1] ?? '';
    const names = exported.split(',').map((n) => n.trim().replace(/^type /, ''));
    expect(names).toEqual(
      expect.arrayContaining([
        'AriaProvider',
        'useAria',
        'useAriaClient',
        'useAskStream',
        'createAriaOptions',
        'createAriaQueryClient',
        'invalidateAfter',
        'invalidations',
      ]),
    );
  });
});

describe('package.json', () => {
  const require = createRequire(import.meta.url);
  const manifest = require('../package.json') as {
    peerDependencies: Record<string, string>;
  };

  it('asks for exactly the tRPC version the server runs, for every tRPC package', () => {
    const server = require('@trpc/server/package.json') as { version: string };
    for (const name of ['@trpc/server', '@trpc/client', '@trpc/tanstack-react-query']) {
      const installed = require(`${name}/package.json`) as { version: string };
      expect(installed.version, name).toBe(server.version);
      expect(manifest.peerDependencies[name], name).toBe(server.version);
    }
  });
});
