import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/**
 * The Node request and response behind a Hono context, when the app is served by
 * `@hono/node-server` (tests that call `app.request()` have neither). Reading headers from
 * the Node request and writing them on the Node response costs a property access; going
 * through `c.req.header()` / `c.header()` builds fetch `Headers` objects, and a header set on
 * a response Hono has finished makes it rebuild the whole `Response`.
 */
export function nodeBindings(c: Context): Partial<HttpBindings> {
  return (c.env as Partial<HttpBindings> | undefined) ?? {};
}

/** A request header by its lower-case name; one value when a client repeated it. */
export function requestHeader(c: Context, lowerCaseName: string): string | undefined {
  const incoming = nodeBindings(c).incoming;
  if (incoming === undefined) return c.req.header(lowerCaseName);
  const value = incoming.headers[lowerCaseName];
  return Array.isArray(value) ? value.join(', ') : value;
}
