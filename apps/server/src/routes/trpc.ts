import { type ApiDeps, appRouter, credentialsFromHeaders } from '@aria/api';
import { AppError } from '@aria/core';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { requestIdentity, userIdOf } from '../request-identity.js';
import { requestSignal } from '../request-signal.js';

export const trpcEndpoint = '/trpc';

/**
 * tRPC served by its fetch handler straight from Hono, with a typed context. A batch longer
 * than TRPC_MAX_BATCH_SIZE is refused before any call runs; the calls of a batch share one
 * authentication.
 */
export function trpcRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().all('/*', (c) =>
    fetchRequestHandler({
      endpoint: trpcEndpoint,
      req: c.req.raw,
      router: appRouter,
      maxBatchSize: deps.config.server.trpcMaxBatchSize,
      createContext: ({ resHeaders, info }) => ({
        requestId: c.get('requestId'),
        deps,
        credentials: credentialsFromHeaders(c.req.raw.headers),
        identifyRequest: requestIdentity(c, deps),
        resHeaders,
        streamable: info.accept === 'application/jsonl',
        signal: requestSignal(c),
        logger: c.get('logger'),
        onIdentified: (identity) => c.set('userId', userIdOf(identity)),
      }),
      onError: ({ error, path }) => {
        // A stream that fails after it started arrives here as INTERNAL even for an AppError
        // the caller is meant to see (AI_UNAVAILABLE, shutdown): only real failures are logged.
        const shown = error.cause instanceof AppError && error.cause.code !== 'INTERNAL';
        if (error.code === 'INTERNAL_SERVER_ERROR' && !shown) {
          c.get('logger').error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
        }
      },
    }),
  );
}
