import path from 'node:path';
import { defineConfig, type UserConfig } from 'tsdown';
import { writeRouterTypes } from './tools/router-types.js';

/**
 * The published declaration must name no server module. `@aria/api` and `@aria/core` are
 * read by tools/router-types.ts into one plain declaration, and the declaration build sees
 * that file in their place; the JavaScript build never imports them (type-only imports).
 */
const routerTypes = path.resolve(import.meta.dirname, 'node_modules/.cache/router-types.d.ts');
const serverModules = ['@aria/api', '@aria/core'];

const config: UserConfig = defineConfig({
  entry: ['src/index.ts', 'src/react.ts'],
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: {
    // tsc's resolver honours `paths`; the server modules are inlined from the generated file.
    resolve: [...serverModules, '@aria/webhooks'],
    resolver: 'tsc',
    compilerOptions: {
      paths: {
        ...Object.fromEntries(serverModules.map((module) => [module, [routerTypes]])),
        // Dependency-free and published as part of this package (payload types, verifyAriaWebhook).
        '@aria/webhooks': [path.resolve(import.meta.dirname, '../webhooks/src/index.ts')],
      },
    },
  },
  hooks: {
    'build:prepare': () => {
      const result = writeRouterTypes({
        tsconfig: path.resolve(import.meta.dirname, 'tsconfig.json'),
        outFile: routerTypes,
        routerModule: '@aria/api',
        namedTypes: { '@aria/core': ['ErrorCode', 'Problem', 'ProblemIssue'] },
      });
      console.info(
        `router types: ${result.procedures} procedures, ${result.bytes} bytes -> ${path.relative(import.meta.dirname, result.outFile)}`,
      );
    },
  },
});

export default config;
