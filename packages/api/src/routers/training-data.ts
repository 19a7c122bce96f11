import {
  type AcwrFlags,
  addDays,
  assessReadiness,
  baselineWindowDays,
  currentAcwrFlags,
  type DayMetrics,
  type IsoDate,
  isoDateIn,
  type LoggedSession,
  mergeDailyMetrics,
  type Readiness,
} from '@aria/core';
import {
  type AriaDatabase,
  findAthleteTimeZone,
  listDailyMetrics,
  listTrainingSessions,
} from '@aria/db';
import type { ApiDeps } from '../context.js';

/** Today on the athlete's clocks: the calendar date of `deps.now()` in their time zone. */
export async function athleteToday(
  deps: Pick<ApiDeps, 'db' | 'now'>,
  athleteId: string,
): Promise<IsoDate> {
  return isoDateIn(deps.now(), await findAthleteTimeZone(deps.db, athleteId));
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
  readonly readiness: Readiness;
  readonly acwr: AcwrFlags | null;
}

/** Readiness for `date` from the 60-day metrics window and both ACWR flags of the whole log. */
export async function readinessConditions(
  db: AriaDatabase,
  athleteId: string,
  date: IsoDate,
): Promise<ReadinessConditions> {
  const [days, sessions] = await Promise.all([
    mergedMetrics(db, athleteId, addDays(date, -(baselineWindowDays - 1)), date),
    loggedSessionsUpTo(db, athleteId, date),
  ]);
  const acwr = currentAcwrFlags(sessions, date);
  return { readiness: assessReadiness({ date, days, acwr }), acwr };
}
