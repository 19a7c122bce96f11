import { AppError } from '@aria/core';
import {
  findAthlete,
  linkCoach,
  listAthleteCoaches,
  listCoachedAthletes,
  unlinkCoach,
} from '@aria/db';
import { authedProcedure, requireIdentity, roleProcedure } from '../procedures.js';
import { linkCoachSchema, listCoachLinksSchema, unlinkCoachSchema } from '../schemas/coach.js';
import { router } from '../trpc.js';
import { meteredCall } from './metered.js';

const notFound = () => new AppError('NOT_FOUND', 'No such coach link.');

export const coachRouter = router({
  /**
   * Grants a coach read access. The athlete grants it for itself; service or admin for any
   * athlete. A coach can never link itself.
   */
  link: roleProcedure('athlete', 'service', 'admin')
    .input(linkCoachSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const identity = requireIdentity(ctx);
      const isAthlete = identity.kind === 'user' && identity.role === 'athlete';
      const athleteId = isAthlete ? identity.userId : input.athleteId;
      if (isAthlete && input.athleteId !== undefined && input.athleteId !== athleteId) {
        throw new AppError('NOT_FOUND', 'No such athlete.');
      }
      if (!athleteId) throw new AppError('BAD_REQUEST', 'athleteId is required.');
      if (input.coachId === athleteId) {
        throw new AppError('BAD_REQUEST', 'An athlete cannot be its own coach.');
      }
      if (!(await findAthlete(ctx.deps.db, athleteId))) {
        throw new AppError('NOT_FOUND', 'No such athlete.');
      }
      const grantedBy = identity.kind === 'service' ? 'service' : identity.userId;
      const link = await linkCoach(ctx.deps.db, { coachId: input.coachId, athleteId, grantedBy });
      return { coachId: link.coachId, athleteId: link.athleteId, linkedAt: link.createdAt };
    }),

  /** Either side may end a link: the athlete removes a coach, the coach removes itself. */
  unlink: authedProcedure
    .input(unlinkCoachSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const identity = requireIdentity(ctx);
      let { coachId, athleteId } = input;
      if (identity.kind === 'user' && identity.role === 'athlete') {
        if (athleteId !== undefined && athleteId !== identity.userId) throw notFound();
        athleteId = identity.userId;
      } else if (identity.kind === 'user' && identity.role === 'coach') {
        if (coachId !== undefined && coachId !== identity.userId) throw notFound();
        coachId = identity.userId;
      }
      if (!coachId || !athleteId) {
        throw new AppError('BAD_REQUEST', 'coachId and athleteId are both required.');
      }
      if (!(await unlinkCoach(ctx.deps.db, coachId, athleteId))) throw notFound();
      return { coachId, athleteId, unlinked: true as const };
    }),

  /** A coach lists its athletes; an athlete lists its coaches; service/admin name either. */
  list: authedProcedure
    .input(listCoachLinksSchema)
    .use(meteredCall)
    .query(async ({ ctx, input }) => {
      const identity = requireIdentity(ctx);
      const { db } = ctx.deps;
      if (identity.kind === 'user' && identity.role !== 'admin') {
        return identity.role === 'coach'
          ? { athletes: await listCoachedAthletes(db, identity.userId), coaches: [] }
          : { athletes: [], coaches: await listAthleteCoaches(db, identity.userId) };
      }
      if (input?.coachId)
        return { athletes: await listCoachedAthletes(db, input.coachId), coaches: [] };
      if (input?.athleteId) {
        return { athletes: [], coaches: await listAthleteCoaches(db, input.athleteId) };
      }
      throw new AppError('BAD_REQUEST', 'Name a coachId or an athleteId.');
    }),
});
