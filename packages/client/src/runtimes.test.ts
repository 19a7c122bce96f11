/**
 * The built client runs where TrackLit runs: bundled for the browser and for React Native
 * (the `react-native` condition), with everything it pulls in, it imports no Node built-in.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { packageDir } from '../tools/build-for-tests.js';

const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Records every import of a Node built-in (and lets the bundle go on, to list them all). */
function recordingNodeImports(found: string[]): Plugin {
  return {
    name: 'record-node-imports',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.split('/')[0] ?? args.path;
        if (!args.path.startsWith('node:') && !nodeBuiltins.has(bare)) return undefined;
        found.push(`${args.path} (from ${path.relative(packageDir, args.importer)})`);
        return { path: args.path, external: true };
      });
    },
  };
}

const targets = {
  browser: {
    platform: 'browser',
    conditions: ['browser'],
    mainFields: ['browser', 'module', 'main'],
  },
  'react-native': {
    platform: 'neutral',
    conditions: ['react-native'],
    mainFields: ['react-native', 'browser', 'module', 'main'],
  },
} as const;

describe.each(Object.entries(targets))('bundled for %s', (_name, target) => {
  it.each(['index.js', 'react.js'])(
    'dist/%s imports no Node built-in',
    async (entry) => {
      const found: string[] = [];
      const result = await build({
        entryPoints: [path.join(packageDir, 'dist', entry)],
        bundle: true,
        write: false,
        format: 'esm',
        logLevel: 'silent',
        platform: target.platform,
        conditions: [...target.conditions],
        mainFields: [...target.mainFields],
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: [recordingNodeImports(found)],
        metafile: true,
      });
      expect(found).toEqual([]);
      const inputs = Object.keys(result.metafile.inputs);
      // The whole graph was bundled: tRPC, superjson for the core, TanStack for the react entry.
      expect(inputs.some((input) => input.includes('@trpc/client'))).toBe(true);
      if (entry === 'index.js') {
        expect(inputs.some((input) => input.includes('superjson'))).toBe(true);
      } else {
        expect(inputs.some((input) => input.includes('@tanstack/react-query'))).toBe(true);
      }
    },
    30_000,
  );
});

describe('the Node built-in check', () => {
  it('catches a node: import', async () => {
    const found: string[] = [];
    await build({
      stdin: { contents: "import { readFile } from 'node:fs/promises'; export { readFile };" },
      bundle: true,
      write: false,
      logLevel: 'silent',
      platform: 'browser',
      plugins: [recordingNodeImports(found)],
    });
    expect(found).toHaveLength(1);
  });
});
