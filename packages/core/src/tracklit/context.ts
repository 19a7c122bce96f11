import { daysBetween, type IsoDate } from '../training/dates.js';

/**
 * What TrackLit knows about an athlete's training, as Aria reads it from TrackLit's
 * `GET /api/athletes/{id}/context` once the answer has been validated (the contract is in
 * docs/tracklit-context.md). Text fields are the athlete's or their coach's own words: data for
 * the coach, never instructions.
 */
export interface TrackLitAthleteContext {
  readonly recentSessions: readonly TrackLitSession[];
  readonly upcomingCompetitions: readonly TrackLitCompetition[];
  readonly recentResults: readonly TrackLitResult[];
  readonly injuries: readonly TrackLitInjury[];
}

/** A session from the athlete's TrackLit programme, done or not. */
export interface TrackLitSession {
  readonly date: IsoDate;
  readonly title: string;
  readonly completed: boolean;
  readonly durationMinutes: number | null;
  /** Session RPE, 0–10. */
  readonly rpe: number | null;
  /** How the athlete felt afterwards, 1 (awful) to 10 (great). */
  readonly feeling: number | null;
  readonly notes: string | null;
}

/** A meet on the athlete's TrackLit calendar. */
export interface TrackLitCompetition {
  readonly date: IsoDate;
  readonly name: string;
  readonly location: string | null;
  readonly events: readonly string[];
}

/** A competition result: seconds for running events, metres for jumps and throws. */
export interface TrackLitResult {
  readonly date: IsoDate;
  readonly event: string;
  readonly performance: number;
  /** m/s; negative is a head wind. */
  readonly wind: number | null;
  readonly place: number | null;
  readonly competition: string | null;
}

export const trackLitInjuryStatuses = ['active', 'recovering', 'resolved'] as const;
export type TrackLitInjuryStatus = (typeof trackLitInjuryStatuses)[number];

/** An injury the athlete (or their coach) reported in TrackLit. */
export interface TrackLitInjury {
  /** The body area or the injury in the reporter's words ("left hamstring strain"). */
  readonly area: string;
  readonly status: TrackLitInjuryStatus;
  readonly reportedOn: IsoDate | null;
  readonly notes: string | null;
}

/** The part of the context a question or a plan uses, relative to the athlete's today. */
export interface TrackLitContextSummary {
  /** Sessions of the last `sessionWindowDays` days, newest first. */
  readonly recentSessions: readonly TrackLitSession[];
  /** Meets from today on, soonest first, each with the days until it. */
  readonly upcomingCompetitions: readonly (TrackLitCompetition & { readonly daysAway: number })[];
  /** Newest first. */
  readonly recentResults: readonly TrackLitResult[];
  /** Injuries not (yet) resolved: active ones first. */
  readonly openInjuries: readonly TrackLitInjury[];
  /** Days until the next meet (0 = today); null when none is on the calendar. */
  readonly daysToNextCompetition: number | null;
  /** Whether TrackLit reports an active injury (the injury rule applies). */
  readonly activeInjury: boolean;
}

/** How much of the context the coach sees (the prompt stays small). */
export const trackLitSummaryLimits = {
  sessionWindowDays: 28,
  sessions: 10,
  competitions: 3,
  results: 5,
  injuries: 5,
} as const;

const newestFirst = <T extends { readonly date: IsoDate }>(a: T, b: T) =>
  b.date.localeCompare(a.date);

/** The recent, upcoming and open parts of a TrackLit context as of `today`. */
export function summarizeTrackLitContext(
  context: TrackLitAthleteContext,
  today: IsoDate,
): TrackLitContextSummary {
  const limits = trackLitSummaryLimits;
  const recentSessions = context.recentSessions
    .filter((session) => {
      const ago = daysBetween(session.date, today);
      return ago >= 0 && ago < limits.sessionWindowDays;
    })
    .sort(newestFirst)
    .slice(0, limits.sessions);
  const upcomingCompetitions = context.upcomingCompetitions
    .map((competition) => ({ ...competition, daysAway: daysBetween(today, competition.date) }))
    .filter((competition) => competition.daysAway >= 0)
    .sort((a, b) => a.daysAway - b.daysAway)
    .slice(0, limits.competitions);
  const recentResults = context.recentResults
    .filter((result) => result.date <= today)
    .sort(newestFirst)
    .slice(0, limits.results);
  const openInjuries = context.injuries
    .filter((injury) => injury.status !== 'resolved')
    .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))
    .slice(0, limits.injuries);
  return {
    recentSessions,
    upcomingCompetitions,
    recentResults,
    openInjuries,
    daysToNextCompetition: upcomingCompetitions[0]?.daysAway ?? null,
    activeInjury: openInjuries.some((injury) => injury.status === 'active'),
  };
}
