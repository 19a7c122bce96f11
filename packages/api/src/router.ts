import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { adminRouter } from './routers/admin.js';
import { apiKeysRouter } from './routers/api-keys.js';
import { athletesRouter } from './routers/athletes.js';
import { billingRouter } from './routers/billing.js';
import { coachRouter } from './routers/coach.js';
import { coachingRouter } from './routers/coaching.js';
import { healthProcedure } from './routers/health.js';
import { knowledgeRouter } from './routers/knowledge.js';
import { plansRouter } from './routers/plans.js';
import { trainingRouter } from './routers/training.js';
import { wearablesRouter } from './routers/wearables.js';
import { router } from './trpc.js';

export const appRouter = router({
  health: healthProcedure,
  athletes: athletesRouter,
  coach: coachRouter,
  knowledge: knowledgeRouter,
  apiKeys: apiKeysRouter,
  billing: billingRouter,
  coaching: coachingRouter,
  training: trainingRouter,
  wearables: wearablesRouter,
  plans: plansRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
