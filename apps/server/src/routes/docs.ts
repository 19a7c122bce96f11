import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { docsAssetFiles, docsAssetsFolder } from './docs-assets.js';

export const openApiPath = '/openapi.json';
export const docsPath = '/docs';

/**
 * The page may load only what Aria serves itself: its scripts and styles (each with an
 * integrity hash), the OpenAPI document and the calls "Try it out" makes, all same-origin.
 * Swagger UI draws some icons from `data:` URIs in its stylesheet.
 */
export const docsContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// `validatorUrl: null` keeps Swagger UI from sending the document to its online validator.
const initScript = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(openApiPath)},
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
});
`;

interface Asset {
  readonly path: string;
  readonly body: Buffer;
  readonly type: string;
  readonly integrity: string;
}

function asset(name: string, body: Buffer): Asset {
  const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8';
  const digest = createHash('sha384').update(body);
  const integrity = `sha384-${digest.copy().digest('base64')}`;
  // The content hash in the path lets browsers keep a file for good: new bytes, new path.
  const version = digest.digest('hex').slice(0, 12);
  return { path: `${docsPath}/${version}/${name}`, body, type, integrity };
}

let loaded: readonly Asset[] | undefined;

/** Read once per process: every app built in it serves the same bytes. */
function docsAssets(): readonly Asset[] {
  loaded ??= [
    ...docsAssetFiles.map((name) => asset(name, readFileSync(join(docsAssetsFolder, name)))),
    asset('init.js', Buffer.from(initScript)),
  ];
  return loaded;
}

const isStyle = (a: Asset) => a.type.startsWith('text/css');

function page(assets: readonly Asset[]): string {
  const styles = assets
    .filter(isStyle)
    .map((a) => `<link rel="stylesheet" href="${a.path}" integrity="${a.integrity}">`);
  const scripts = assets
    .filter((a) => !isStyle(a))
    .map((a) => `<script src="${a.path}" integrity="${a.integrity}"></script>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Aria API reference</title>',
    ...styles,
    '</head>',
    '<body>',
    '<div id="swagger-ui"></div>',
    ...scripts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Public: the OpenAPI 3.1 document and a Swagger UI page to browse and try it. Everything
 * the page needs comes from this server (the pinned `swagger-ui-dist` package), so it works
 * without internet access.
 */
export function docsRoutes(document: () => object) {
  // Generated on the first request: it took a fifth of the cold start. That every schema can
  // be described is proven by the OpenAPI tests, not at each start.
  let body: string | undefined;
  const assets = docsAssets();
  const html = page(assets);
  const app = new Hono<AppEnv>()
    .get(openApiPath, (c) => {
      body ??= JSON.stringify(document());
      return c.body(body, 200, { 'Content-Type': 'application/json' });
    })
    .get(docsPath, (c) =>
      c.html(html, 200, {
        'Content-Security-Policy': docsContentSecurityPolicy,
        'Cache-Control': 'no-cache',
      }),
    );
  for (const a of assets) {
    app.get(a.path, (c) =>
      c.body(new Uint8Array(a.body), 200, {
        'Content-Type': a.type,
        'Cache-Control': 'public, max-age=31536000, immutable',
      }),
    );
  }
  return app;
}
