import {
  type AcwrZone,
  addDays,
  assessReadiness,
  baselineWindowDays,
  currentAcwrZone,
  type DayMetrics,
  type IsoDate,
  isoDateOf,
  type LoggedSession,
  mergeDailyMetrics,
  type Readiness,
} from '@aria/core';
import { type AriaDatabase, listDailyMetrics, listTrainingSessions } from '@aria/db';
import type { ApiDeps } from '../context.js';

/** Today as training data counts days: the UTC calendar date of `deps.now()`. */
export function todayOf(deps: Pick<ApiDeps, 'now'>): IsoDate {
  return isoDateOf(deps.now());
}

/** Every logged session up to `asOf` (EWMA and the PMC need the whole history). */
export async function loggedSessionsUpTo(
  db: AriaDatabase,
  athleteId: string,
  asOf: IsoDate,
): Promise<LoggedSession[]> {
  const rows = await listTrainingSessions(db, athleteId, { to: asOf });
  return rows.flatMap((row) =>
    row.rpe === null || row.durationMinutes === null
      ? []
      : [
          {
            date: row.date,
            rpe: row.rpe,
            durationMinutes: row.durationMinutes,
            sprintMetres: row.sprintMetres,
          },
        ],
  );
}

/** Merged days of metrics from `from` to `to`. */
export async function mergedMetrics(
  db: AriaDatabase,
  athleteId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<DayMetrics[]> {
  return mergeDailyMetrics(await listDailyMetrics(db, athleteId, from, to));
}

export interface ReadinessConditions {
  readonly readiness: Readiness | null;
  readonly acwr: { readonly ratio: number; readonly zone: AcwrZone } | null;
}

/** Readiness for `date` from the 60-day metrics window and the EWMA ACWR of the training log. */
export async function readinessConditions(
  db: AriaDatabase,
  athleteId: string,
  date: IsoDate,
): Promise<ReadinessConditions> {
  const [days, sessions] = await Promise.all([
    mergedMetrics(db, athleteId, addDays(date, -(baselineWindowDays - 1)), date),
    loggedSessionsUpTo(db, athleteId, date),
  ]);
  const acwr = currentAcwrZone(sessions, date);
  return { readiness: assessReadiness({ date, days, acwr }), acwr };
}
