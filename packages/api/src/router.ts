import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { healthProcedure } from './routers/health.js';
import { router } from './trpc.js';

export const appRouter = router({
  health: healthProcedure,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
