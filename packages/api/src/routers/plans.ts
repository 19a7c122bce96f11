import {
  AppError,
  adaptTodaysSession,
  daysBetween,
  describePlan,
  generatePlan,
  type IsoDate,
  maximumPlanWeeks,
  type PersonalBests,
  planTargets,
  sprintEvents,
  trackLitPlanNotes,
} from '@aria/core';
import {
  type AriaDatabase,
  findAthlete,
  findTrainingPlan,
  insertTrainingPlan,
  listTrainingPlans,
} from '@aria/db';
import { actingFor } from '../access.js';
import { metered } from '../metering/middleware.js';
import { authedProcedure } from '../procedures.js';
import {
  generatePlanSchema,
  planIdSchema,
  planListSchema,
  planTodaySchema,
} from '../schemas/plans.js';
import { trackLitContextFor } from '../tracklit/athlete-context.js';
import { router } from '../trpc.js';
import {
  type PlanPageView,
  type PlanTodayView,
  type PlanView,
  toPlanSummaryView,
  toPlanView,
} from '../views/plans.js';
import { meteredCall } from './metered.js';
import { athleteToday, readinessConditions } from './training-data.js';

/** The athlete's bests over the sprint events, from the profile (`{ "100m": 10.85 }`). */
function profileBests(personalBests: Record<string, number> | undefined): PersonalBests {
  const bests: PersonalBests = {};
  for (const event of sprintEvents) {
    const seconds = personalBests?.[event];
    if (seconds !== undefined) bests[event] = seconds;
  }
  return bests;
}

/** The weeks from today to the competition, counting the race week, within 1–52. */
function weeksUntil(today: IsoDate, competitionDate: IsoDate): number {
  const weeks = Math.ceil((daysBetween(today, competitionDate) + 1) / 7);
  return Math.min(maximumPlanWeeks, Math.max(1, weeks));
}

async function loadPlan(db: AriaDatabase, athleteId: string, id: string) {
  const row = await findTrainingPlan(db, athleteId, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such plan.');
  return row;
}

export const plansRouter = router({
  /**
   * A deterministic periodized plan for 60/100/200/400 m; stored, then returned. With
   * TRACKLIT_API_URL its narrative adds what the TrackLit context says (injuries, meets).
   */
  generate: authedProcedure
    .input(generatePlanSchema)
    .use(actingFor('write'))
    .use(metered({ bucket: 'default', quota: 'generate_plan' }))
    .mutation(async ({ ctx, input }): Promise<PlanView> => {
      const { athleteId: _target, ...inputs } = input;
      const today = await athleteToday(ctx.deps, ctx.athleteId);
      if (inputs.competitionDate < today) {
        throw new AppError('BAD_REQUEST', 'competitionDate is in the past.', {
          issues: [{ path: 'competitionDate', message: 'must be today or later' }],
        });
      }
      const trackLit = trackLitContextFor(ctx, ctx.athleteId, today);
      const athlete = await findAthlete(ctx.deps.db, ctx.athleteId);
      const bests = {
        ...profileBests(athlete?.personalBests),
        ...(inputs.personalBest === undefined ? {} : { [inputs.event]: inputs.personalBest }),
      };
      const { targets, note } = planTargets(inputs.event, bests);
      const plan = generatePlan({
        event: inputs.event,
        experienceLevel: inputs.experienceLevel,
        daysPerWeek: inputs.daysPerWeek,
        competitionDate: inputs.competitionDate,
        weeks: inputs.weeks ?? weeksUntil(today, inputs.competitionDate),
        targets,
        targetsNote: note,
      });
      const context = await trackLit;
      const notes = context === null ? [] : trackLitPlanNotes(context, plan);
      const row = await insertTrainingPlan(ctx.deps.db, {
        athleteId: ctx.athleteId,
        event: inputs.event,
        inputs: { ...inputs },
        plan: { ...plan },
        narrative: [describePlan(plan), ...notes].join(' '),
      });
      return toPlanView(row);
    }),

  get: authedProcedure
    .input(planIdSchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(
      async ({ ctx, input }): Promise<PlanView> =>
        toPlanView(await loadPlan(ctx.deps.db, ctx.athleteId, input.id)),
    ),

  list: authedProcedure
    .input(planListSchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }): Promise<PlanPageView> => {
      const page = { limit: input?.limit ?? 20, offset: input?.offset ?? 0 };
      const rows = await listTrainingPlans(ctx.deps.db, ctx.athleteId, page);
      return { items: rows.map(toPlanSummaryView), ...page };
    }),

  /** Today's session, swapped for a low day when readiness or the ACWR say so, with reasons. */
  today: authedProcedure
    .input(planTodaySchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }): Promise<PlanTodayView> => {
      const { plan } = toPlanView(await loadPlan(ctx.deps.db, ctx.athleteId, input.id));
      const date = input.date ?? (await athleteToday(ctx.deps, ctx.athleteId));
      const conditions = await readinessConditions(ctx.deps.db, ctx.athleteId, date);
      const { readiness, acwr } = conditions;
      return {
        planId: input.id,
        ...adaptTodaysSession(plan, date, conditions),
        readiness: {
          status: readiness.status,
          score: readiness.score,
          band: readiness.band,
          recommendation: readiness.recommendation,
          model: readiness.model,
          summary: readiness.summary,
          missing: readiness.missing,
        },
        acwr,
      };
    }),
});
