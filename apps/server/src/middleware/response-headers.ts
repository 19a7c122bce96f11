import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { AnswerResponse } from '../answer-response.js';
import type { AppEnv } from '../app-env.js';
import { nodeBindings, requestHeader } from './node-bindings.js';

/** The defaults of Hono's `secureHeaders()`, which this replaces: same names, same values. */
const securityHeaders: ReadonlyArray<readonly [string, string]> = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
  // The CORS answer depends on Origin, so caches must key on it.
  ['Vary', 'Origin'],
];

const corsAllowMethods = 'GET,POST,PUT,PATCH,DELETE,OPTIONS';
const corsAllowHeaders = 'Authorization,Content-Type,X-API-Key,X-Request-Id,trpc-accept';
const corsExposeHeaders = [
  'X-Request-Id',
  'Retry-After',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'X-Subscription-Tier',
  'X-Monthly-Usage',
  'X-Monthly-Limit',
].join(',');
const corsMaxAgeSeconds = '600';

/** The security headers as `AnswerResponse` writes them (lower-case names). */
const securityHeadersRecord: Readonly<Record<string, string>> = Object.fromEntries(
  securityHeaders.map(([name, value]) => [name.toLowerCase(), value]),
);

/** A caller's id is kept when it is short and plain (it ends up in logs); otherwise we make one. */
const acceptableRequestId = /^[\w\-=]{1,255}$/;

/** Adds `Origin` to a Vary list unless it is there already. */
function withOrigin(vary: string | null): string {
  if (!vary) return 'Origin';
  return vary.split(',').some((name) => name.trim().toLowerCase() === 'origin')
    ? vary
    : `${vary}, Origin`;
}

function corsGrant(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': corsExposeHeaders,
  };
}

/**
 * What every answer carries, computed once: the request id (the caller's `X-Request-Id` when
 * acceptable, else a new UUID, also put on the context), the security headers, and CORS for
 * the listed origins (credentials are allowed, so origins are an explicit list: Config
 * refuses "*"; an origin not on it gets no grant and the browser blocks the response).
 *
 * Served by Node, they are handed to the `AnswerResponse`, which writes them with the
 * route's own; the route's take precedence where both set one, and a route that sets `Vary`
 * must add `Origin` itself (`varyOnOrigin`). Without Node (`app.request()` in tests) the
 * returned function sets them on the finished response instead.
 */
export function answerHeaders(corsOrigins: readonly string[]) {
  const allowed = new Set(corsOrigins);
  return (c: Context<AppEnv>): ((answered: Response) => void) | undefined => {
    const incomingId = requestHeader(c, 'x-request-id');
    const requestId =
      incomingId !== undefined && acceptableRequestId.test(incomingId) ? incomingId : randomUUID();
    c.set('requestId', requestId);

    const origin = requestHeader(c, 'origin');
    const grant = origin !== undefined && allowed.has(origin) ? corsGrant(origin) : undefined;
    const outgoing = nodeBindings(c).outgoing;
    if (outgoing instanceof AnswerResponse) {
      outgoing.commonHeaders = { 'x-request-id': requestId, ...securityHeadersRecord, ...grant };
      return undefined;
    }
    return ({ headers }) => {
      headers.set('X-Request-Id', requestId);
      for (const [name, value] of securityHeaders) {
        if (name === 'Vary') headers.set('Vary', withOrigin(headers.get('Vary')));
        else headers.set(name, value);
      }
      for (const [name, value] of Object.entries(grant ?? {})) headers.set(name, value);
    };
  };
}

/** The answer to a CORS preflight (any OPTIONS request); `answerHeaders` adds the grant. */
export function preflightAnswer(c: Context): Response | undefined {
  if (c.req.method !== 'OPTIONS') return undefined;
  return new Response(null, {
    status: 204,
    headers: {
      'Access-Control-Max-Age': corsMaxAgeSeconds,
      'Access-Control-Allow-Methods': corsAllowMethods,
      'Access-Control-Allow-Headers': corsAllowHeaders,
      Vary: 'Origin, Access-Control-Request-Headers',
    },
  });
}

/** For a route whose response sets its own `Vary` (it would replace the one set above). */
export function varyOnOrigin(headers: Headers): void {
  headers.set('Vary', withOrigin(headers.get('Vary')));
}
