import { publicProcedure } from '../trpc.js';

/** Proves the tRPC path end to end; deep checks live on /health/ready. */
export const healthProcedure = publicProcedure.query(() => ({
  status: 'ok' as const,
  time: new Date(),
}));
