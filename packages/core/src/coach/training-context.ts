import { summarizeTrainingLoad } from '../training/training-load.js';
import type { CoachTrainingContext } from './types.js';

/** One day of wearable figures, as stored (any may be missing). */
export interface CoachDailyFigures {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly sleepSeconds: number | null;
  readonly restingHr: number | null;
  readonly hrvRmssd: number | null;
  readonly recoveryScore: number | null;
}

/** One logged session, as stored (pass the whole history: the load model reads all of it). */
export interface CoachSessionFigures {
  readonly date: string;
  readonly durationMinutes: number | null;
  readonly rpe: number | null;
}

const dayMs = 86_400_000;

function daysBefore(today: string, date: string): number {
  return Math.round((Date.parse(today) - Date.parse(date)) / dayMs);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

const round = (value: number | null, digits = 1) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The coach's view: sleep, heart rate and recovery of the last 7 days from the wearable,
 * session count and load of the last 7 days, and the rolling and EWMA ACWR of the whole log
 * (the same computation readiness and plans use; null before 28 days of data). Null when
 * there is nothing at all.
 */
export function summarizeCoachTraining(
  daily: readonly CoachDailyFigures[],
  sessions: readonly CoachSessionFigures[],
  today: string,
): CoachTrainingContext | null {
  if (daily.length === 0 && sessions.length === 0) return null;
  const recentDays = [...daily]
    .filter((day) => daysBefore(today, day.date) <= 6)
    .sort((a, b) => b.date.localeCompare(a.date));
  const values = (pick: (day: CoachDailyFigures) => number | null) =>
    recentDays.map(pick).filter((v): v is number => v !== null);
  const sleepHours = values((day) => (day.sleepSeconds === null ? null : day.sleepSeconds / 3600));
  const lastNight = recentDays[0];
  const logged = sessions.flatMap((session) =>
    session.rpe === null || session.durationMinutes === null
      ? []
      : [{ date: session.date, rpe: session.rpe, durationMinutes: session.durationMinutes }],
  );
  const load = summarizeTrainingLoad(logged, { asOf: today, days: 7 });
  return {
    days: 7,
    averageSleepHours: round(mean(sleepHours)),
    lastNightSleepHours:
      lastNight && daysBefore(today, lastNight.date) <= 1 && lastNight.sleepSeconds !== null
        ? round(lastNight.sleepSeconds / 3600)
        : null,
    restingHr: round(mean(values((day) => day.restingHr))),
    hrvRmssd: round(mean(values((day) => day.hrvRmssd))),
    recoveryScore: round(mean(values((day) => day.recoveryScore))),
    sessionsLast7Days: sessions.filter((s) => {
      const ago = daysBefore(today, s.date);
      return ago >= 0 && ago <= 6;
    }).length,
    loadLast7Days: sessions.length === 0 ? null : load.days.reduce((sum, day) => sum + day.load, 0),
    acwr: round(load.acwr.rolling?.ratio ?? null, 2),
    acwrEwma: round(load.acwr.ewma?.ratio ?? null, 2),
  };
}
