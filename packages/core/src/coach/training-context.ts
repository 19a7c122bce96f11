import { sessionLoad } from './science.js';
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

/** One logged session, as stored. */
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

/** Daily session-RPE loads of days `from`…`to` days before today (0 = today), missing days 0. */
function dailyLoads(
  sessions: readonly CoachSessionFigures[],
  today: string,
  from: number,
  to: number,
) {
  const loads = new Array<number>(to - from + 1).fill(0);
  for (const session of sessions) {
    const ago = daysBefore(today, session.date);
    if (ago < from || ago > to || session.rpe === null || session.durationMinutes === null)
      continue;
    loads[ago - from] =
      (loads[ago - from] ?? 0) + sessionLoad(session.rpe, session.durationMinutes);
  }
  return loads;
}

/**
 * The coach's view of the last 28 days: sleep, heart rate and recovery from the wearable,
 * session count and load, and the rolling (uncoupled) ACWR when 28 days of sessions exist.
 * Null when there is nothing at all.
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
  const acute = dailyLoads(sessions, today, 0, 6);
  const chronic = dailyLoads(sessions, today, 7, 27);
  const oldest = Math.max(...sessions.map((s) => daysBefore(today, s.date)), -1);
  const chronicMean = mean(chronic) ?? 0;
  const acuteMean = mean(acute) ?? 0;
  return {
    days: 28,
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
    loadLast7Days: sessions.length === 0 ? null : acute.reduce((sum, v) => sum + v, 0),
    acwr: oldest >= 27 && chronicMean > 0 ? round(acuteMean / chronicMean, 2) : null,
  };
}
