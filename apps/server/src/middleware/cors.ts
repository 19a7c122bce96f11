import { cors } from 'hono/cors';

/**
 * Credentials are allowed, so origins are always an explicit list (Config refuses "*").
 * An origin not on the list gets no CORS headers and the browser blocks the response.
 */
export function corsFromOrigins(origins: readonly string[]) {
  const allowed = new Set(origins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-API-Key', 'X-Request-Id', 'trpc-accept'],
    exposeHeaders: [
      'X-Request-Id',
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'X-Subscription-Tier',
      'X-Monthly-Usage',
      'X-Monthly-Limit',
    ],
    maxAge: 600,
  });
}
