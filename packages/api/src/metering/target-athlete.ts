import type { Context } from '../context.js';
import { requireIdentity } from '../procedures.js';

/**
 * What a procedure puts in its context, before `monthlyQuota` / `metered`, when it acts for an
 * athlete other than the caller (a coach or the service role naming `athleteId`):
 * `.use(({ ctx, input, next }) => next({ ctx: { athleteId: resolved } }))`.
 */
export interface TargetAthleteContext {
  readonly athleteId: string;
}

/** Whose monthly quota a call consumes: `ctx.athleteId` when set, else the calling user's. */
export function targetAthleteId(ctx: Context): string {
  if ('athleteId' in ctx && typeof ctx.athleteId === 'string' && ctx.athleteId !== '') {
    return ctx.athleteId;
  }
  const identity = requireIdentity(ctx);
  if (identity.kind === 'user') return identity.userId;
  throw new Error('a service call must put the target athleteId in ctx before monthlyQuota');
}
