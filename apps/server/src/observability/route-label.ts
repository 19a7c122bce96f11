import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { procedurePathsOf, trpcProcedurePaths } from './trpc-procedures.js';

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Known methods as they are; anything a client invents is one label, `OTHER`. */
export function methodLabel(method: string): string {
  return methods.has(method) ? method : 'OTHER';
}

/**
 * The route template of the answered request, never the raw path (bounded cardinality):
 * `/v1/athletes/:id`, `/health/ready`; one tRPC procedure as `/trpc/athletes.get`, a batch
 * as `/trpc/(batch)`; a request no route matched as `(unmatched)`.
 */
export function routeLabel(c: Context, trpcEndpoint: string): string {
  const route = routePath(c);
  if (route === `${trpcEndpoint}/*`) {
    const paths = procedurePathsOf(c.req.path, trpcEndpoint);
    if (paths.length > 1) return `${trpcEndpoint}/(batch)`;
    const [only] = paths;
    return only !== undefined && trpcProcedurePaths.has(only)
      ? `${trpcEndpoint}/${only}`
      : `${trpcEndpoint}/(unknown)`;
  }
  // Only app-wide middleware ran: no route answered (404, or a request refused before routing).
  if (route === '/*' || route === '*') return '(unmatched)';
  return route;
}
