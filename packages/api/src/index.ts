export type { ApiDeps, Context } from './context.js';
export { problemFromTrpcError, toTrpcError } from './errors.js';
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from './router.js';
export { createCallerFactory } from './trpc.js';
