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
/** What the published files may import: the peers and superjson. */
const allowedInDeclarations = ['@trpc/client', '@trpc/server', 'superjson'];
const allowedInJavaScript = ['@trpc/client', 'superjson'];

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
  it('has the ESM entry and its bundled declaration', async () => {
    expect((await stat(path.join(distDir, 'index.js'))).isFile()).toBe(true);
    expect((await stat(path.join(distDir, 'index.d.ts'))).isFile()).toBe(true);
  });

  it('names no server-only module in its declarations', async () => {
    const files = await distFiles('.d.ts');
    expect(files.length).toBeGreaterThan(0);
    for (const { name, code } of files) {
      const specifiers = specifiersIn(code);
      expect(specifiers.filter(isServerOnly), name).toEqual([]);
      expect(
        specifiers.filter((s) => !allowedInDeclarations.includes(s)),
        name,
      ).toEqual([]);
    }
  });

  it('imports only its peers and superjson at run time', async () => {
    for (const { name, code } of await distFiles('.js')) {
      const specifiers = specifiersIn(code);
      expect(specifiers.filter(isServerOnly), name).toEqual([]);
      expect(
        specifiers.filter((s) => !allowedInJavaScript.includes(s)),
        name,
      ).toEqual([]);
    }
  });

  it('keeps the declaration small (no ORM or schema types inlined)', async () => {
    const { size } = await stat(path.join(distDir, 'index.d.ts'));
    expect(size).toBeLessThan(256 * 1024);
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
      ]),
    );
  });
});

describe('package.json', () => {
  const require = createRequire(import.meta.url);
  const manifest = require('../package.json') as {
    peerDependencies: Record<string, string>;
  };

  it('asks for exactly the tRPC version the server runs', () => {
    const server = require('@trpc/server/package.json') as { version: string };
    const client = require('@trpc/client/package.json') as { version: string };
    expect(manifest.peerDependencies['@trpc/server']).toBe(server.version);
    expect(manifest.peerDependencies['@trpc/client']).toBe(client.version);
    expect(client.version).toBe(server.version);
  });
});
