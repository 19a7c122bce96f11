import { AppError, manualSource } from '@aria/core';
import { type AriaDatabase, recordDailyMetrics } from '@aria/db';
import { TerraRequestError, terraClientFromConfig } from '@aria/integrations';
import { actingFor } from '../access.js';
import { chargeQuotaWithin } from '../metering/index.js';
import { authedProcedure } from '../procedures.js';
import {
  connectWearableSchema,
  dailyMetricsQuerySchema,
  readinessQuerySchema,
  recordMetricsSchema,
} from '../schemas/wearables.js';
import { router } from '../trpc.js';
import {
  type DailyMetricsView,
  type ReadinessView,
  toDailyMetricsView,
  type WearableConnectView,
} from '../views/wearables.js';
import { meteredCall } from './metered.js';
import { athleteToday, mergedMetrics, readinessConditions } from './training-data.js';

const notConfigured = () =>
  new AppError(
    'NOT_CONFIGURED',
    'Wearables need TERRA_DEV_ID and TERRA_API_KEY; until then record metrics with wearables.recordMetrics.',
  );

async function mergedDay(
  db: AriaDatabase,
  athleteId: string,
  date: string,
): Promise<DailyMetricsView | undefined> {
  const [day] = await mergedMetrics(db, athleteId, date, date);
  return day && toDailyMetricsView(athleteId, day);
}

export const wearablesRouter = router({
  /** A Terra widget URL where the athlete links a wearable (Terra echoes the athlete id back). */
  connect: authedProcedure
    .input(connectWearableSchema)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx, input }): Promise<WearableConnectView> => {
      const terra = terraClientFromConfig(ctx.deps.config);
      if (!terra) throw notConfigured();
      const { athleteId: _target, ...options } = input;
      const session = await terra
        .generateWidgetSession({ ...options, referenceId: ctx.athleteId })
        .catch((error: unknown) => {
          if (!(error instanceof TerraRequestError)) throw error;
          const answered = error.status === 0 ? 'did not answer' : `answered ${error.status}`;
          throw new AppError('INTERNAL', `Terra ${answered} to the widget-session request.`);
        });
      return { provider: 'terra', ...session };
    }),

  /** Manual entry of a day's metrics (the embedded default without a wearable). */
  recordMetrics: authedProcedure
    .input(recordMetricsSchema)
    .use(actingFor('write'))
    .use(meteredCall)
    .mutation(async ({ ctx, input }): Promise<DailyMetricsView> => {
      const { athleteId: _target, date, sleepHours, sleepEfficiencyPercent, ...values } = input;
      await recordDailyMetrics(ctx.deps.db, ctx.athleteId, manualSource, {
        date,
        ...values,
        ...(sleepHours === undefined ? {} : { sleepSeconds: Math.round(sleepHours * 3600) }),
        ...(sleepEfficiencyPercent === undefined
          ? {}
          : { sleepEfficiency: sleepEfficiencyPercent / 100 }),
      });
      const day = await mergedDay(ctx.deps.db, ctx.athleteId, date);
      if (!day) throw new Error('recorded metrics were not found again');
      return day;
    }),

  /** One day of metrics, every source merged. */
  daily: authedProcedure
    .input(dailyMetricsQuerySchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }): Promise<DailyMetricsView> => {
      const day = await mergedDay(ctx.deps.db, ctx.athleteId, input.date);
      if (!day) throw new AppError('NOT_FOUND', `No metrics recorded for ${input.date}.`);
      return day;
    }),

  /**
   * Training readiness 0–100 with one band, one matching recommendation and each factor's
   * contribution. One unit per athlete and day scored: reading the same day again is free, a
   * linked coach's reads never consume the athlete's quota, and insufficient data (what is
   * missing) is not charged (the rate still counts every call).
   */
  readiness: authedProcedure
    .input(readinessQuerySchema)
    .use(actingFor('read'))
    .use(meteredCall)
    .query(async ({ ctx, input }): Promise<ReadinessView> => {
      const date = input?.date ?? (await athleteToday(ctx.deps, ctx.athleteId));
      const { readiness } = await readinessConditions(ctx.deps.db, ctx.athleteId, date);
      if (readiness.status === 'scored') {
        await chargeQuotaWithin(ctx, 'training_readiness', date);
      }
      return { athleteId: ctx.athleteId, ...readiness };
    }),
});
