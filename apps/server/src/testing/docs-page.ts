import { createHash } from 'node:crypto';
import { expect } from 'vitest';

type Fetch = (path: string) => Response | Promise<Response>;

/**
 * Loads `/docs` and every file it references, and checks each is served by Aria itself with
 * a matching integrity hash. Returns the page's HTML and Content-Security-Policy.
 */
export async function expectSelfContainedDocs(fetchPath: Fetch) {
  const page = await fetchPath('/docs');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toContain('text/html');
  const html = await page.text();
  const references = [...html.matchAll(/(?:src|href)="([^"]+)" integrity="([^"]+)"/g)];
  expect(references.map(([, path]) => path)).toEqual([
    expect.stringMatching(/^\/docs\/[0-9a-f]{12}\/swagger-ui\.css$/),
    expect.stringMatching(/^\/docs\/[0-9a-f]{12}\/swagger-ui-bundle\.js$/),
    expect.stringMatching(/^\/docs\/[0-9a-f]{12}\/init\.js$/),
  ]);
  // Nothing else is loaded: no other src/href attribute names a file.
  expect([...html.matchAll(/\b(?:src|href)="/g)].length).toBe(references.length);
  for (const [, path = '', integrity = ''] of references) {
    const response = await fetchPath(path);
    expect(response.status, path).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    const hash = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    expect(hash, path).toBe(integrity);
  }
  return { html, csp: page.headers.get('content-security-policy') ?? '' };
}
