/**
 * TanStack Query bindings of the Aria client (`@aria/client/react`), built on tRPC's
 * official `@trpc/tanstack-react-query`: query and mutation options for every procedure,
 * and query keys that are refreshed after the mutations that change them.
 */
import { MutationCache, QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AriaClient } from './client.js';
import { type QueryScope, staleAfter } from './invalidation.js';
import type { AriaOptions } from './react-context.js';
import type { AppRouter } from './types.js';

export {
  invalidations,
  type MutationPath,
  type ProcedurePath,
  type QueryScope,
  staleAfter,
} from './invalidation.js';

/** The options without React context (loaders, tests, non-React code). */
export function createAriaOptions(client: AriaClient, queryClient: QueryClient): AriaOptions {
  return createTRPCOptionsProxy<AppRouter>({ client, queryClient });
}

/** tRPC's query key prefix of a query path or router (`[['coaching', 'conversations']]`). */
export function queryKeyOf(scope: QueryScope): readonly [readonly string[]] {
  return [scope.split('.')];
}

/** The mutation path of a tRPC mutation key (`[['coaching', 'ask']]` → `'coaching.ask'`). */
function pathOfMutationKey(key: readonly unknown[] | undefined): string | undefined {
  const [path] = key ?? [];
  return Array.isArray(path) && path.every((part) => typeof part === 'string')
    ? path.join('.')
    : undefined;
}

/** Refetches the queries a successful mutation made stale (see `invalidations`). */
export async function invalidateAfter(
  queryClient: QueryClient,
  mutationPath: string,
): Promise<void> {
  await Promise.all(
    staleAfter(mutationPath).map((scope) =>
      queryClient.invalidateQueries({ queryKey: queryKeyOf(scope) }),
    ),
  );
}

/**
 * A QueryClient that refreshes what each Aria mutation changed, once it succeeded: asking
 * refreshes `coaching.conversations` and `billing.usage`, generating a plan `plans.list`, …
 * Mutations through `useAria()` carry their path as the mutation key; `useAskStream`
 * succeeds when the streamed answer is complete.
 */
export function createAriaQueryClient(config: QueryClientConfig = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    ...config,
    mutationCache:
      config.mutationCache ??
      new MutationCache({
        onSuccess: async (_data, _variables, _context, mutation) => {
          const path = pathOfMutationKey(mutation.options.mutationKey);
          if (path) await invalidateAfter(queryClient, path);
        },
      }),
  });
  return queryClient;
}

export { type AriaOptions, AriaProvider, useAria, useAriaClient } from './react-context.js';
export { type AnswerDraft, type AskStreamState, useAskStream } from './use-ask-stream.js';
