import { type ApiDeps, appRouter } from '@aria/api';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { varyOnOrigin } from '../middleware/response-headers.js';
import { requestSignal } from '../request-signal.js';
import { logProcedureFailure, procedureContext, statusOfFailedCalls } from './trpc-calls.js';
import { answerQueries, leanQueryCall } from './trpc-queries.js';

export const trpcEndpoint = '/trpc';

/**
 * tRPC from Hono with a typed context. GET queries (single or batched, not streamed) are
 * answered by `answerQueries` without the fetch adapter; everything else (mutations,
 * streams, anything malformed) by tRPC's fetch handler. A batch longer than
 * TRPC_MAX_BATCH_SIZE is refused before any call runs; the calls of a batch share one
 * authentication. `leanQueries: false` sends every call through the fetch adapter: the
 * reference the lean path is tested against.
 */
export function trpcRoutes(deps: ApiDeps, { leanQueries = true } = {}) {
  const maxBatchSize = deps.config.server.trpcMaxBatchSize;
  return new Hono<AppEnv>().all('/*', async (c) => {
    const queries = leanQueries ? await leanQueryCall(c, trpcEndpoint, maxBatchSize) : undefined;
    if (queries !== undefined) return answerQueries(c, deps, queries);
    const response = await fetchRequestHandler({
      endpoint: trpcEndpoint,
      req: c.req.raw,
      router: appRouter,
      maxBatchSize,
      createContext: ({ resHeaders, info }) =>
        procedureContext(c, deps, resHeaders, {
          streamable: info.accept === 'application/jsonl',
          signal: requestSignal(c),
        }),
      responseMeta: ({ errors, info }) => {
        const status = statusOfFailedCalls(errors, info?.calls.length ?? 1);
        return status === undefined ? {} : { status };
      },
      onError: ({ error, path }) => logProcedureFailure(c, error, path),
    });
    varyOnOrigin(response.headers); // tRPC's own Vary would replace the app-wide one
    return response;
  });
}
