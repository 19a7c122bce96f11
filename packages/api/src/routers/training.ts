import { AppError, addDays, summarizeTrainingLoad } from '@aria/core';
import { insertTrainingSession } from '@aria/db';
import { actingFor } from '../access.js';
import { authedProcedure } from '../procedures.js';
import { logSessionSchema, trainingLoadQuerySchema } from '../schemas/training.js';
import { router } from '../trpc.js';
import {
  type TrainingLoadView,
  type TrainingSessionView,
  toTrainingSessionView,
} from '../views/training.js';
import { meteredCall } from './metered.js';
import { athleteToday, loggedSessionsUpTo } from './training-data.js';

const defaultLoadDays = 42;

export const trainingRouter = router({
  /** Logs a session: date, type, duration, session RPE and metres sprinted at ≥ 90%. */
  logSession: authedProcedure
    .input(logSessionSchema)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx, input }): Promise<TrainingSessionView> => {
      const { athleteId: _target, ...session } = input;
      if (session.date > addDays(await athleteToday(ctx.deps, ctx.athleteId), 1)) {
        throw new AppError('BAD_REQUEST', 'A session cannot be logged more than a day ahead.');
      }
      const row = await insertTrainingSession(ctx.deps.db, {
        ...session,
        athleteId: ctx.athleteId,
      });
      return toTrainingSessionView(row);
    }),

  /**
   * Daily session-RPE load, ACWR (rolling and EWMA, zones once 28 days exist) and fitness,
   * fatigue and form as of `date`.
   */
  load: authedProcedure
    .input(trainingLoadQuerySchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }): Promise<TrainingLoadView> => {
      const asOf = input?.date ?? (await athleteToday(ctx.deps, ctx.athleteId));
      const sessions = await loggedSessionsUpTo(ctx.deps.db, ctx.athleteId, asOf);
      const summary = summarizeTrainingLoad(sessions, {
        asOf,
        days: input?.days ?? defaultLoadDays,
      });
      return { athleteId: ctx.athleteId, ...summary };
    }),
});
