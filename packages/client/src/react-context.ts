import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AriaClient } from './client.js';
import type { AppRouter } from './types.js';

/** `aria.coaching.conversations.queryOptions()`, `aria.plans.generate.mutationOptions()`, … */
export type AriaOptions = TRPCOptionsProxy<AppRouter>;

const context = createTRPCContext<AppRouter>();

/** Provides the client and the query client to `useAria`, `useAriaClient` and `useAskStream`. */
export const AriaProvider: ReturnType<typeof createTRPCContext<AppRouter>>['TRPCProvider'] =
  context.TRPCProvider;

/** The query and mutation options of every procedure: `useQuery(useAria().athletes.get.queryOptions())`. */
export const useAria: () => AriaOptions = context.useTRPC;

/** The plain client of the provider, for streams and imperative calls. */
export const useAriaClient: () => AriaClient = context.useTRPCClient;
