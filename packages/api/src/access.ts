import { AppError } from '@aria/core';
import { type Athlete, findAthlete, isCoachLinked } from '@aria/db';
import type { Identity } from './auth/identity.js';
import type { ApiDeps } from './context.js';
import { requireIdentity } from './procedures.js';
import { middleware } from './trpc.js';

export type Access = 'read' | 'write';

const notFound = () => new AppError('NOT_FOUND', 'No such athlete.');

/** The athlete a call acts for, and its row when the access check had to read it. */
export interface ActingFor {
  readonly athleteId: string;
  readonly athlete?: Athlete;
}

/**
 * Which athlete a call acts for, or a refusal that does not reveal whether another athlete
 * exists: athletes act for themselves, coaches read linked athletes, service and admin act
 * for any athlete they name (read here to prove it exists, and handed on so a handler that
 * wants the row does not read it again).
 */
export async function resolveActingFor(
  deps: Pick<ApiDeps, 'db'>,
  identity: Identity,
  requested: string | undefined,
  access: Access,
): Promise<ActingFor> {
  if (identity.kind === 'service' || identity.role === 'admin') {
    if (!requested) {
      throw new AppError('BAD_REQUEST', 'athleteId is required when acting for an athlete.');
    }
    const athlete = await findAthlete(deps.db, requested);
    if (!athlete) throw notFound();
    return { athleteId: requested, athlete };
  }
  if (identity.role === 'athlete') {
    if (requested !== undefined && requested !== identity.userId) throw notFound();
    return { athleteId: identity.userId };
  }
  // A coach: linked athletes only, and read only.
  if (!requested) throw new AppError('BAD_REQUEST', 'Coaches must name the athleteId.');
  if (!(await isCoachLinked(deps.db, identity.userId, requested))) throw notFound();
  if (access === 'write') {
    throw new AppError('FORBIDDEN', 'Coaches may read a linked athlete but not change it.');
  }
  return { athleteId: requested };
}

function requestedAthleteId(input: unknown): string | undefined {
  if (input && typeof input === 'object' && 'athleteId' in input) {
    return typeof input.athleteId === 'string' ? input.athleteId : undefined;
  }
  return undefined;
}

/**
 * Resolves the athlete a call acts for from `input.athleteId` (see resolveActingFor) and puts
 * it in `ctx.athleteId`, where handlers and the quota middleware read it, with the row in
 * `ctx.actingAthlete` when the check read it. Use after `.input(...)` and before `metered(...)`.
 */
export function actingFor(access: Access) {
  return middleware(async ({ ctx, input, next }) => {
    const { athleteId, athlete } = await resolveActingFor(
      ctx.deps,
      requireIdentity(ctx),
      requestedAthleteId(input),
      access,
    );
    return next({ ctx: { athleteId, actingAthlete: athlete } });
  });
}
