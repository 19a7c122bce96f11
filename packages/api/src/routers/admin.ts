import { AppError } from '@aria/core';
import {
  listOperatorActions,
  listParkedOutboxEvents,
  listParkedWebhooks,
  type OperatorAction,
  outboxStats,
  recordOperatorAction,
  unparkOutboxEvent,
} from '@aria/db';
import { revokeToken, revokeUserTokensBefore } from '../auth/revocation.js';
import type { Context } from '../context.js';
import { requireJobs } from '../job-engine.js';
import { invalidateKnowledgeCache } from '../knowledge-cache.js';
import { requireIdentity, roleProcedure } from '../procedures.js';
import {
  adminAthleteSchema,
  adminPageSchema,
  replayDeadJobSchema,
  replayEventSchema,
  revokeTokenSchema,
  revokeUserTokensSchema,
} from '../schemas/admin.js';
import { router } from '../trpc.js';

/** Operator tools: admin role only, not metered, every change written to the audit log. */
const adminProcedure = roleProcedure('admin');

const rateBuckets = ['ask', 'default'] as const;
const rateWindows = [60, 3_600] as const;

function audit(ctx: Context, action: Omit<OperatorAction, 'actorId'>) {
  const identity = requireIdentity(ctx);
  const actorId = identity.kind === 'service' ? 'service' : identity.userId;
  return recordOperatorAction(ctx.deps.db, { actorId, ...action });
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const adminRouter = router({
  /** Outbound events that used up their attempts, newest first, with the last error. */
  parkedEvents: adminProcedure.input(adminPageSchema).query(async ({ ctx, input }) => ({
    events: (await listParkedOutboxEvents(ctx.deps.db, input)).map((row) => ({
      eventId: row.eventId,
      type: row.topic,
      athleteId: row.athleteId,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt.toISOString(),
      parkedAt: iso(row.parkedAt),
    })),
  })),

  /** Puts a parked event back in line with fresh attempts; it is sent again with the same id. */
  replayEvent: adminProcedure.input(replayEventSchema).mutation(async ({ ctx, input }) => {
    const replayed = await ctx.deps.db.transaction(async (tx) => {
      const row = await unparkOutboxEvent(tx, input.eventId);
      if (row)
        await audit(
          { ...ctx, deps: { ...ctx.deps, db: tx } },
          { action: 'events.replay', target: input.eventId },
        );
      return row;
    });
    if (!replayed) throw new AppError('NOT_FOUND', 'No parked event has this id.');
    return { eventId: input.eventId, replayed: true };
  }),

  /** Queue state per job (queued, active, retrying, dead, oldest age), dead jobs, and the outbox. */
  jobs: adminProcedure.query(async ({ ctx }) => {
    const jobs = requireJobs(ctx.deps);
    const [queues, dead, outbox] = await Promise.all([
      jobs.metrics(),
      jobs.listDead(50),
      outboxStats(ctx.deps.db),
    ]);
    return {
      queues: queues.map((queue) => ({
        name: queue.name,
        queued: queue.queued,
        active: queue.active,
        retrying: queue.retrying,
        dead: queue.dead,
        oldestQueuedSeconds: queue.oldestQueuedSeconds,
      })),
      dead: dead.map((job) => ({
        id: job.id,
        name: job.name,
        data: job.data,
        error: job.error,
        diedAt: job.diedAt.toISOString(),
      })),
      outbox: { ...outbox },
    };
  }),

  replayDeadJob: adminProcedure.input(replayDeadJobSchema).mutation(async ({ ctx, input }) => {
    if (!(await requireJobs(ctx.deps).replayDead(input.id))) {
      throw new AppError('NOT_FOUND', 'No dead job has this id.');
    }
    await audit(ctx, { action: 'jobs.replay', target: input.id });
    return { id: input.id, replayed: true };
  }),

  /** Inbound webhook deliveries that verified but could not be used. */
  parkedWebhooks: adminProcedure.input(adminPageSchema).query(async ({ ctx, input }) => ({
    webhooks: (await listParkedWebhooks(ctx.deps.db, input)).map((row) => ({
      provider: row.provider,
      deliveryId: row.deliveryId,
      reason: row.reason,
      body: row.body,
      parkedAt: row.parkedAt.toISOString(),
    })),
  })),

  resetRateLimits: adminProcedure.input(adminAthleteSchema).mutation(async ({ ctx, input }) => {
    for (const bucket of rateBuckets) {
      await ctx.deps.rateLimiter.reset(`${bucket}:user:${input.athleteId}`, rateWindows);
    }
    await audit(ctx, { action: 'rate-limits.reset', target: input.athleteId });
    return { athleteId: input.athleteId, reset: true };
  }),

  clearCaches: adminProcedure.mutation(async ({ ctx }) => {
    await invalidateKnowledgeCache({ kv: ctx.deps.kv, degradation: ctx.deps.degradation });
    await audit(ctx, { action: 'caches.clear', details: { caches: 'knowledge' } });
    return { cleared: 'knowledge' };
  }),

  revokeToken: adminProcedure.input(revokeTokenSchema).mutation(async ({ ctx, input }) => {
    await revokeToken(
      ctx.deps.kv,
      { userId: input.userId, jti: input.jti },
      new Date(input.expiresAt),
      ctx.deps.now(),
    );
    await audit(ctx, {
      action: 'tokens.revoke',
      target: input.userId,
      details: { jti: input.jti },
    });
    return { userId: input.userId, jti: input.jti, revoked: true };
  }),

  /** Every token of the user issued until now is refused from now on. */
  revokeUserTokens: adminProcedure
    .input(revokeUserTokensSchema)
    .mutation(async ({ ctx, input }) => {
      await revokeUserTokensBefore(ctx.deps.kv, input.userId, ctx.deps.now());
      await audit(ctx, { action: 'tokens.revoke-all', target: input.userId });
      return { userId: input.userId, revoked: true };
    }),

  auditLog: adminProcedure.input(adminPageSchema).query(async ({ ctx, input }) => ({
    entries: (await listOperatorActions(ctx.deps.db, input)).map((row) => ({
      id: row.id,
      actorId: row.actorId,
      action: row.action,
      target: row.target,
      details: row.details,
      createdAt: row.createdAt.toISOString(),
    })),
  })),
});
