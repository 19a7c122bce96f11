import { AppError } from '@aria/core';
import { type ApiKeySummary, isForeignKeyViolation, listApiKeys, revokeApiKey } from '@aria/db';
import { issueApiKey } from '../auth/api-keys.js';
import { type ApiKeyScope, apiKeyScopes, type Identity } from '../auth/identity.js';
import { authedProcedure, requireIdentity } from '../procedures.js';
import { createApiKeySchema, listApiKeysSchema, revokeApiKeySchema } from '../schemas/api-keys.js';
import { middleware, router } from '../trpc.js';
import { meteredCall } from './metered.js';

/**
 * Aria API keys. An athlete manages its own keys, with a JWT only (a key may not mint or
 * revoke keys); admin and service pass `ownerId` to manage any athlete's keys.
 */
const keyManagerProcedure = authedProcedure.use(
  middleware(({ ctx, next }) => {
    const identity = requireIdentity(ctx);
    if (identity.kind === 'user' && identity.via === 'api_key') {
      throw new AppError('FORBIDDEN', 'API keys cannot be managed with an API key.');
    }
    if (identity.kind === 'user' && identity.role === 'coach') {
      throw new AppError('FORBIDDEN', 'Your role may not manage API keys.');
    }
    return next();
  }),
);

/** Whose keys the call is about: the caller's own, or (admin, service) `ownerId`'s. */
function keyOwner(identity: Identity, ownerId: string | undefined): string {
  if (identity.kind === 'user' && identity.role === 'athlete') {
    if (ownerId !== undefined && ownerId !== identity.userId) {
      throw new AppError('FORBIDDEN', 'You may manage only your own API keys.');
    }
    return identity.userId;
  }
  if (ownerId === undefined) {
    throw new AppError('BAD_REQUEST', 'Name the athlete whose API keys to manage.', {
      issues: [{ path: 'ownerId', message: 'Required for admin and service callers' }],
    });
  }
  return ownerId;
}

/** A key as listed: never its hash, never the key itself. */
function publicKey(summary: ApiKeySummary) {
  return {
    id: summary.id,
    start: summary.start,
    name: summary.name,
    scopes: toScopes(summary.scopes),
    expiresAt: summary.expiresAt,
    revokedAt: summary.revokedAt,
    lastUsedAt: summary.lastUsedAt,
    createdAt: summary.createdAt,
  };
}

function toScopes(stored: readonly string[]): ApiKeyScope[] {
  return apiKeyScopes.filter((scope) => stored.includes(scope));
}

export const apiKeysRouter = router({
  /** Issues a key; `key` appears in this answer only. */
  create: keyManagerProcedure
    .input(createApiKeySchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const owner = keyOwner(requireIdentity(ctx), input.ownerId);
      if (input.expiresAt && input.expiresAt.getTime() <= ctx.deps.now().getTime()) {
        throw new AppError('BAD_REQUEST', 'The input is not valid.', {
          issues: [{ path: 'expiresAt', message: 'Must be in the future' }],
        });
      }
      try {
        const issued = await issueApiKey(ctx.deps, {
          ownerId: owner,
          name: input.name,
          scopes: input.scopes,
          expiresAt: input.expiresAt,
        });
        return {
          id: issued.id,
          key: issued.key,
          start: issued.start,
          name: issued.name,
          scopes: toScopes(issued.scopes),
          expiresAt: issued.expiresAt,
          createdAt: issued.createdAt,
        };
      } catch (error) {
        if (isForeignKeyViolation(error)) throw new AppError('NOT_FOUND', 'No such athlete.');
        throw error;
      }
    }),

  /** The owner's keys, newest first, revoked and expired ones included. */
  list: keyManagerProcedure
    .input(listApiKeysSchema)
    .use(meteredCall)
    .query(async ({ ctx, input }) => {
      const owner = keyOwner(requireIdentity(ctx), input?.ownerId);
      const keys = await listApiKeys(ctx.deps.db, owner);
      return keys.map(publicKey);
    }),

  /** Revokes a key of the owner (idempotent); another owner's key is NOT_FOUND. */
  revoke: keyManagerProcedure
    .input(revokeApiKeySchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const owner = keyOwner(requireIdentity(ctx), input.ownerId);
      const revoked = await revokeApiKey(ctx.deps.db, {
        id: input.id,
        ownerId: owner,
        at: ctx.deps.now(),
      });
      if (!revoked) throw new AppError('NOT_FOUND', 'No such API key.');
      return publicKey(revoked);
    }),
});
