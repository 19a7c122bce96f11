import { AppError } from '@aria/core';
import { identifyOnce, requireCaller } from './auth/identify-once.js';
import type { Identity, UserRole } from './auth/identity.js';
import type { Context } from './context.js';
import { middleware, publicProcedure } from './trpc.js';

/**
 * Identify (credentials → Identity, or 401; athletes are provisioned on their first call),
 * then the scopes an API key carries: `read` for queries, `write` for mutations. One
 * middleware, not two: every layer of tRPC's chain costs each call a context merge and a
 * promise.
 */
const identify = middleware(async ({ ctx, type, next }) => {
  const identity = await requireCaller(
    ctx.identifyRequest ?? identifyOnce(ctx.deps, ctx.credentials),
  );
  ctx.onIdentified?.(identity);
  if (identity.kind === 'user' && identity.via === 'api_key') {
    const needed = type === 'query' ? 'read' : 'write';
    if (!identity.scopes.includes(needed)) {
      throw new AppError('FORBIDDEN', `This API key lacks the "${needed}" scope.`);
    }
  }
  return next({ ctx: { identity } });
});

export const authedProcedure = publicProcedure.use(identify);

export type CallerRole = UserRole | 'service';

export function roleOf(identity: Identity): CallerRole {
  return identity.kind === 'service' ? 'service' : identity.role;
}

/** Only these roles may call; others get 403 (they are authenticated, just not allowed). */
export function roleProcedure(...roles: readonly CallerRole[]) {
  return authedProcedure.use(
    middleware(({ ctx, next }) => {
      if (!roles.includes(roleOf(requireIdentity(ctx)))) {
        throw new AppError('FORBIDDEN', 'Your role may not call this procedure.');
      }
      return next();
    }),
  );
}

/** For middleware that runs after identify; a missing identity is a wiring bug. */
export function requireIdentity(ctx: Context): Identity {
  if (!ctx.identity) throw new Error('identify middleware must run before this one');
  return ctx.identity;
}
