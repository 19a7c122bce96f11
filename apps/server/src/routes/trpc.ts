import { type ApiDeps, appRouter, credentialsFromHeaders } from '@aria/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { userIdOf } from '../request-identity.js';

export const trpcEndpoint = '/trpc';

/** tRPC served by its fetch handler straight from Hono, with a typed context. */
export function trpcRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().all('/*', (c) =>
    fetchRequestHandler({
      endpoint: trpcEndpoint,
      req: c.req.raw,
      router: appRouter,
      createContext: ({ resHeaders }) => ({
        requestId: c.get('requestId'),
        deps,
        credentials: credentialsFromHeaders(c.req.raw.headers),
        resHeaders,
        logger: c.get('logger'),
        onIdentified: (identity) => c.set('userId', userIdOf(identity)),
      }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          c.get('logger').error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
        }
      },
    }),
  );
}
