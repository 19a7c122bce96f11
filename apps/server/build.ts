/**
 * Builds what the container runs: `dist/main.js` (the server), `dist/worker.js` (the
 * background jobs alone, `pnpm worker`) and `dist/migrate.js` (the one-shot migration
 * command), each one self-contained ESM bundle of the workspace packages
 * and their npm dependencies, so the image needs no node_modules and no TypeScript runtime.
 *
 * Three things the bundle cannot carry inline are copied next to it:
 * - PGlite's `pglite.wasm`, `initdb.wasm` and `pglite.data`, which PGlite locates with
 *   `new URL('./pglite.wasm', import.meta.url)` — after bundling that URL is `dist/`.
 * - `packages/db/migrations`, which `@aria/db` finds through `migrations-folder.ts`; the
 *   plugin below points that module at `dist/migrations` instead of `../migrations`.
 * - Swagger UI's browser files for `/docs` (from `swagger-ui-dist`), in `dist/docs-assets`;
 *   a second plugin points `docs-assets.ts` there.
 *
 * Usage: `pnpm --filter @aria/server build [--minify]` (writes `apps/server/dist`), or
 * `buildServer({ outdir })` from a test that needs a fresh build outside the repository.
 */
import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { docsAssetFiles, docsAssetsFolder } from './src/routes/docs-assets.js';

const serverDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(serverDir, '../..');
const dbDir = join(repoDir, 'packages/db');

/** PGlite's runtime files, as its own loader names them. */
export const pgliteAssets = ['pglite.wasm', 'initdb.wasm', 'pglite.data'] as const;

/** Entry points, named as they appear in `dist/` and in the Dockerfile. */
export const entryPoints = {
  main: join(serverDir, 'src/main.ts'),
  worker: join(repoDir, 'apps/worker/src/main.ts'),
  migrate: join(dbDir, 'src/cli/migrate.ts'),
} as const;

/** `@aria/db` resolves `../migrations` from its own file; in the bundle they sit in `./migrations`. */
const bundledMigrationsFolder: Plugin = {
  name: 'aria-migrations-folder',
  setup(pluginBuild) {
    pluginBuild.onLoad(
      { filter: /[\\/]packages[\\/]db[\\/]src[\\/]migrations-folder\.ts$/ },
      () => ({
        contents: [
          "import { fileURLToPath } from 'node:url';",
          "export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));",
        ].join('\n'),
        loader: 'ts',
      }),
    );
  },
};

/** `/docs` reads Swagger UI's files from `./docs-assets` next to the bundle. */
const bundledDocsAssets: Plugin = {
  name: 'aria-docs-assets',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]routes[\\/]docs-assets\.ts$/ }, () => ({
      contents: [
        "import { fileURLToPath } from 'node:url';",
        "export const docsAssetsFolder = fileURLToPath(new URL('./docs-assets', import.meta.url));",
        `export const docsAssetFiles = ${JSON.stringify(docsAssetFiles)};`,
      ].join('\n'),
      loader: 'ts',
    }));
  },
};

function pgliteDistDir(): string {
  // Resolved from @aria/db, which is the package that depends on PGlite.
  const requireFromDb = createRequire(join(dbDir, 'package.json'));
  return dirname(requireFromDb.resolve('@electric-sql/pglite'));
}

/**
 * The Node options the image starts each bundle with (the Dockerfile's CMD, compose's worker
 * command): stack traces name the TypeScript sources. The bench and the built-server test
 * start the bundle with them too, so they measure and test what runs in production.
 */
export const imageNodeOptions = ['--enable-source-maps'] as const;

export interface BuildServerOptions {
  /** Where `main.js`, `migrate.js`, the PGlite files and `migrations/` go. */
  readonly outdir?: string;
  /** Minify, as the image build does (`--minify`). */
  readonly minify?: boolean;
}

export async function buildServer(options: BuildServerOptions = {}): Promise<string> {
  const outdir = resolve(options.outdir ?? join(serverDir, 'dist'));
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });

  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    // Mappings only: the image starts with --enable-source-maps (`imageNodeOptions`), and Node
    // then parses the whole map at start-up and keeps it. With the sources inside (14.5 MB)
    // that held 60 MB more at idle; mappings alone (4 MB), 10 MB. Stack traces and
    // `pnpm bench:profile` need only the mappings.
    sourcesContent: false,
    minify: options.minify ?? false,
    // CommonJS dependencies call require() for Node built-ins; an ESM bundle has no require.
    banner: {
      js: "import { createRequire as __ariaCreateRequire } from 'node:module'; const require = __ariaCreateRequire(import.meta.url);",
    },
    plugins: [bundledMigrationsFolder, bundledDocsAssets],
    logLevel: 'warning',
    legalComments: 'linked',
  });

  const pglite = pgliteDistDir();
  await Promise.all(pgliteAssets.map((file) => cp(join(pglite, file), join(outdir, file))));
  await cp(join(dbDir, 'migrations'), join(outdir, 'migrations'), { recursive: true });
  await mkdir(join(outdir, 'docs-assets'));
  await Promise.all(
    docsAssetFiles.map((file) =>
      cp(join(docsAssetsFolder, file), join(outdir, 'docs-assets', file)),
    ),
  );
  return outdir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = await buildServer({ minify: process.argv.includes('--minify') });
  process.stdout.write(`built ${outdir}\n`);
}
