import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

export const openApiPath = '/openapi.json';

/**
 * Scalar's page is a shell: the browser loads the reference UI from jsDelivr. Pinned, so the
 * page does not change under us; `@scalar/hono-api-reference` ships no UI bundle to serve.
 */
export const scalarCdnBundle = 'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.72.1/esm.js';

export interface DocsOptions {
  /**
   * A self-hosted copy of Scalar's single-file build (`@scalar/api-reference`'s
   * `dist/browser/standalone.js`), for docs that work without internet access.
   */
  readonly scalarBundleUrl?: string;
}

/** Public: the OpenAPI 3.1 document and its Scalar reference page. */
export function docsRoutes(document: object, options: DocsOptions = {}) {
  const body = JSON.stringify(document);
  const bundle = options.scalarBundleUrl
    ? { cdn: options.scalarBundleUrl }
    : { bundle: scalarCdnBundle };
  return new Hono<AppEnv>()
    .get(openApiPath, (c) => c.body(body, 200, { 'Content-Type': 'application/json' }))
    .get('/docs', Scalar({ url: openApiPath, pageTitle: 'Aria API reference', ...bundle }));
}
