import { type ApiDeps, appRouter, credentialsFromHeaders } from '@aria/api';
import { AppError } from '@aria/core';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { varyOnOrigin } from '../middleware/response-headers.js';
import { requestIdentity, userIdOf } from '../request-identity.js';
import { requestSignal } from '../request-signal.js';

export const trpcEndpoint = '/trpc';

/**
 * tRPC served by its fetch handler straight from Hono, with a typed context. A batch longer
 * than TRPC_MAX_BATCH_SIZE is refused before any call runs; the calls of a batch share one
 * authentication.
 */
export function trpcRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().all('/*', async (c) => {
    const response = await fetchRequestHandler({
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
      // The error shape carries the problem, not tRPC's httpStatus, and tRPC's JSON-RPC numbers
      // share -32603 for every 5xx: left alone, a 503 NOT_CONFIGURED would answer HTTP 500.
      // When every call of the request failed with one status, that status is the answer's.
      responseMeta: ({ errors, info }) => {
        if (errors.length === 0 || errors.length !== (info?.calls.length ?? 1)) return {};
        const statuses = new Set(errors.map((error) => getHTTPStatusCodeFromError(error)));
        const [status] = statuses;
        return statuses.size === 1 && status !== undefined ? { status } : {};
      },
      onError: ({ error, path }) => {
        // A stream that fails after it started arrives here as INTERNAL even for an AppError
        // the caller is meant to see (AI_UNAVAILABLE, shutdown): only real failures are logged.
        const shown = error.cause instanceof AppError && error.cause.code !== 'INTERNAL';
        if (error.code === 'INTERNAL_SERVER_ERROR' && !shown) {
          c.get('logger').error({ err: error.cause ?? error, procedure: path }, 'procedure failed');
        }
      },
    });
    varyOnOrigin(response.headers); // tRPC's own Vary would replace the app-wide one
    return response;
  });
}
