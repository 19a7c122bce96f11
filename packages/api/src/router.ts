import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { apiKeysRouter } from './routers/api-keys.js';
import { athletesRouter } from './routers/athletes.js';
import { billingRouter } from './routers/billing.js';
import { coachRouter } from './routers/coach.js';
import { healthProcedure } from './routers/health.js';
import { knowledgeRouter } from './routers/knowledge.js';
import { router } from './trpc.js';

export const appRouter = router({
  health: healthProcedure,
  athletes: athletesRouter,
  coach: coachRouter,
  knowledge: knowledgeRouter,
  apiKeys: apiKeysRouter,
  billing: billingRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
