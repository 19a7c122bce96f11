import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Where Swagger UI's browser files are read from: the pinned `swagger-ui-dist` package.
 * `build.ts` copies them next to the bundle and points this module at that copy.
 */
export const docsAssetsFolder = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

/** The files the page loads, as `swagger-ui-dist` names them. */
export const docsAssetFiles = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const;
