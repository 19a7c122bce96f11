import { AppError } from '@aria/core';
import {
  eraseAthlete,
  exportAthleteData,
  findAthlete,
  provisionAthlete,
  recordMoodReport,
  updateAthleteProfile,
} from '@aria/db';
import { actingFor } from '../access.js';
import { forgetAthlete } from '../auth/provision.js';
import { authedProcedure, roleProcedure } from '../procedures.js';
import { createAthleteSchema, moodReportSchema, updateAthleteSchema } from '../schemas/athletes.js';
import { athleteTargetSchema } from '../schemas/common.js';
import { router } from '../trpc.js';
import { toAthleteExportView, toAthleteView, toMoodReportView } from '../views/athlete.js';
import { stopStripeBillingBeforeErasure } from './billing/erasure.js';
import { meteredCall } from './metered.js';

const optionalTarget = athleteTargetSchema.optional();

async function loadAthlete(db: Parameters<typeof findAthlete>[0], id: string) {
  const athlete = await findAthlete(db, id);
  if (!athlete) throw new AppError('NOT_FOUND', 'No such athlete.');
  return athlete;
}

export const athletesRouter = router({
  /** Service or admin: create an athlete (athletes are also created on their first call). */
  create: roleProcedure('service', 'admin')
    .input(createAthleteSchema)
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const created = await provisionAthlete(ctx.deps.db, input);
      if (!created) throw new AppError('CONFLICT', `Athlete ${input.id} already exists.`);
      return toAthleteView(created);
    }),

  get: authedProcedure
    .input(optionalTarget)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx }) =>
      toAthleteView(ctx.actingAthlete ?? (await loadAthlete(ctx.deps.db, ctx.athleteId))),
    ),

  update: authedProcedure
    .input(updateAthleteSchema)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const { athleteId: _target, ...changes } = input;
      const updated = await updateAthleteProfile(ctx.deps.db, ctx.athleteId, changes);
      if (!updated) throw new AppError('NOT_FOUND', 'No such athlete.');
      return toAthleteView(updated);
    }),

  /**
   * Full erasure: the athlete and everything stored about it, except the month's usage
   * counters (billing data, so erasing does not reset the quota). A Stripe subscription that
   * still bills the athlete is cancelled first.
   */
  delete: authedProcedure
    .input(optionalTarget)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx }) => {
      const id = ctx.athleteId;
      await stopStripeBillingBeforeErasure(ctx.deps, id);
      const erased = await eraseAthlete(ctx.deps.db, id, ctx.deps.now());
      await forgetAthlete(ctx.deps, id);
      return { id, erased };
    }),

  export: authedProcedure
    .input(optionalTarget)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx }) => {
      const data = await exportAthleteData(ctx.deps.db, ctx.athleteId);
      if (!data) throw new AppError('NOT_FOUND', 'No such athlete.');
      return toAthleteExportView(data, ctx.deps.now());
    }),

  reportMood: authedProcedure
    .input(moodReportSchema)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx, input }) => {
      const { athleteId: _target, ...report } = input;
      return toMoodReportView(
        await recordMoodReport(ctx.deps.db, { ...report, athleteId: ctx.athleteId }),
      );
    }),
});
