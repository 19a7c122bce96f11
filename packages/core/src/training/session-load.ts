import { dateRange, type IsoDate } from './dates.js';

/** A logged session as training-load calculations need it. */
export interface LoggedSession {
  readonly date: IsoDate;
  readonly durationMinutes: number;
  /** Session RPE on Borg's CR-10 scale (0–10). */
  readonly rpe: number;
  /** Metres sprinted at ≥ 90% of maximal speed. */
  readonly sprintMetres?: number | null;
}

/** Foster's session-RPE load in arbitrary units: RPE (CR-10) × minutes. */
export function sessionLoad(session: Pick<LoggedSession, 'rpe' | 'durationMinutes'>): number {
  return session.rpe * session.durationMinutes;
}

export interface DailyLoad {
  readonly date: IsoDate;
  /** Sum of the day's session loads; 0 on a day without sessions. */
  readonly load: number;
  readonly sessions: number;
  readonly sprintMetres: number;
}

/** One entry per calendar day from `from` to `to`, days without sessions as zero load. */
export function dailyLoads(
  sessions: readonly LoggedSession[],
  from: IsoDate,
  to: IsoDate,
): DailyLoad[] {
  const byDate = new Map<IsoDate, { load: number; sessions: number; sprintMetres: number }>();
  for (const session of sessions) {
    const day = byDate.get(session.date) ?? { load: 0, sessions: 0, sprintMetres: 0 };
    day.load += sessionLoad(session);
    day.sessions += 1;
    day.sprintMetres += session.sprintMetres ?? 0;
    byDate.set(session.date, day);
  }
  return dateRange(from, to).map((date) => ({
    date,
    ...(byDate.get(date) ?? { load: 0, sessions: 0, sprintMetres: 0 }),
  }));
}
