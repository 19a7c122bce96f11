import type { IsoDate } from '../dates.js';

export const sprintEvents = ['60m', '100m', '200m', '400m'] as const;
export type SprintEvent = (typeof sprintEvents)[number];

export const experienceLevels = ['beginner', 'intermediate', 'advanced', 'elite'] as const;
export type ExperienceLevel = (typeof experienceLevels)[number];

/** General preparation → specific preparation → competition → taper. */
export const planPhases = [
  'general_preparation',
  'specific_preparation',
  'competition',
  'taper',
] as const;
export type PlanPhase = (typeof planPhases)[number];

export const sessionTypes = [
  'acceleration',
  'max_velocity',
  'speed_endurance',
  'special_endurance',
  'tempo',
  'strength',
  'strides',
  'rest',
  'competition',
] as const;
export type SessionType = (typeof sessionTypes)[number];

/** Demand on the central nervous system: the high–low rule keeps 48 h between `high` days. */
export const cnsDemands = ['high', 'low', 'none'] as const;
export type CnsDemand = (typeof cnsDemands)[number];

export const cnsDemandOf: Readonly<Record<SessionType, CnsDemand>> = {
  acceleration: 'high',
  max_velocity: 'high',
  speed_endurance: 'high',
  special_endurance: 'high',
  competition: 'high',
  tempo: 'low',
  strength: 'low',
  strides: 'low',
  rest: 'none',
};

/** One day of the plan (rest days included, so every date has an entry). */
export interface PlannedSession {
  readonly date: IsoDate;
  readonly weekday: string;
  readonly type: SessionType;
  readonly cns: CnsDemand;
  readonly title: string;
  readonly sets: number;
  readonly reps: number;
  /** Metres per rep; null for strength and rest. */
  readonly distanceMetres: number | null;
  /** Percent of maximal speed (runs) or of one-repetition maximum (strength). */
  readonly intensityPercent: number | null;
  readonly restBetweenRepsSeconds: number | null;
  readonly restBetweenSetsSeconds: number | null;
  /** sets × reps × distance; 0 for strength and rest. */
  readonly volumeMetres: number;
  /** Target time of one rep, from the Dick 1987 estimators, when the distance has one. */
  readonly targetSecondsPerRep: number | null;
  readonly notes: string;
}

export interface PlanWeek {
  /** 1-based. */
  readonly week: number;
  readonly phase: PlanPhase;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** A lighter week (volume −30–50%, same intensity) after up to three loading weeks. */
  readonly deload: boolean;
  readonly volumeMetres: number;
  readonly sessions: PlannedSession[];
}

export interface PhaseSpan {
  readonly phase: PlanPhase;
  readonly fromWeek: number;
  readonly toWeek: number;
}

/** Race-equivalent targets from the athlete's best, via the Dick 1987 estimators. */
export interface PlanTargets {
  /** What the targets were derived from, e.g. `100m personal best 10.85 s`. */
  readonly basis: string;
  readonly hundredMetres: number;
  /** Hand-timed. */
  readonly thirtyMetres: number;
  /** Hand-timed. */
  readonly sixtyMetres: number;
  readonly twoHundredMetres: number;
}

export interface PlanRequest {
  readonly event: SprintEvent;
  readonly experienceLevel: ExperienceLevel;
  /** 2–6 training days per week. */
  readonly daysPerWeek: number;
  readonly competitionDate: IsoDate;
  /** Plan length; the last week ends on the competition date. */
  readonly weeks: number;
  readonly targets: PlanTargets | null;
  /** Why there are no targets (a best outside the estimator table's range, …). */
  readonly targetsNote?: string | null;
}

export interface GeneratedPlan {
  readonly version: 2;
  readonly event: SprintEvent;
  readonly experienceLevel: ExperienceLevel;
  readonly daysPerWeek: number;
  readonly competitionDate: IsoDate;
  readonly startDate: IsoDate;
  readonly weeks: number;
  readonly phases: PhaseSpan[];
  readonly targets: PlanTargets | null;
  /** Why there are no target times, or what they rest on; null when nothing needs saying. */
  readonly targetsNote: string | null;
  readonly schedule: PlanWeek[];
  /** The rules the generator applied, in words. */
  readonly rules: string[];
}
