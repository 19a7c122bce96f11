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

/**
 * What a procedure puts in its context, before `metered`, when a call is paid for at most once
 * per subject (readiness: once per athlete and day): repeats of a paid subject are free.
 */
export interface QuotaSubjectContext {
  readonly quotaSubject: string;
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

/** `ctx.quotaSubject` when the procedure set one. */
export function quotaSubject(ctx: Context): string | undefined {
  if ('quotaSubject' in ctx && typeof ctx.quotaSubject === 'string' && ctx.quotaSubject !== '') {
    return ctx.quotaSubject;
  }
  return undefined;
}
