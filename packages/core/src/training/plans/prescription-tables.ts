import { specialEnduranceBases } from './special-endurance-table.js';
import type { ExperienceLevel, PlanPhase, SessionType, SprintEvent } from './types.js';

// The doses behind `prescribe`, for an advanced sprinter in week 1 of a phase (Charlie Francis;
// ALTIS). Reps scale with the level; preparation phases build.

export type PlannedPhase = Exclude<PlanPhase, 'taper'>;

export interface Base {
  readonly sets: number;
  readonly reps: number;
  readonly distance: number | null;
  readonly intensity: number;
  /** Explicit rest between reps; near-max sprints use 1 min per 10 m instead. */
  readonly rest?: number;
  readonly setRest?: number;
  readonly notes: string;
}

export const levelFactor: Readonly<Record<ExperienceLevel, number>> = {
  beginner: 0.6,
  intermediate: 0.8,
  advanced: 1,
  elite: 1.2,
};

const sprintBases: Readonly<
  Record<'acceleration' | 'max_velocity' | 'speed_endurance', Record<PlannedPhase, Base>>
> = {
  acceleration: {
    general_preparation: {
      sets: 3,
      reps: 4,
      distance: 20,
      intensity: 90,
      notes: 'Short accelerations from a 3-point start.',
    },
    specific_preparation: {
      sets: 3,
      reps: 4,
      distance: 30,
      intensity: 95,
      notes: 'Block starts; full recovery.',
    },
    competition: {
      sets: 2,
      reps: 4,
      distance: 30,
      intensity: 98,
      notes: 'Block starts at race intent.',
    },
  },
  max_velocity: {
    general_preparation: {
      sets: 1,
      reps: 4,
      distance: 40,
      intensity: 90,
      notes: '20 m build-up + 20 m fly.',
    },
    specific_preparation: {
      sets: 2,
      reps: 3,
      distance: 50,
      intensity: 95,
      notes: '30 m build-up + 20 m fly (mph = 22.37 / 10 m split).',
    },
    competition: {
      sets: 2,
      reps: 3,
      distance: 60,
      intensity: 98,
      notes: '30 m build-up + 30 m fly.',
    },
  },
  speed_endurance: {
    general_preparation: {
      sets: 2,
      reps: 3,
      distance: 80,
      intensity: 90,
      notes: 'Speed endurance: 7–15 s runs, full recovery.',
    },
    specific_preparation: {
      sets: 2,
      reps: 3,
      distance: 120,
      intensity: 95,
      notes: 'Speed endurance: hold form to the line.',
    },
    competition: {
      sets: 1,
      reps: 4,
      distance: 150,
      intensity: 95,
      notes: 'Speed endurance up to ~150 m.',
    },
  },
};

const tempoBases: Readonly<Record<PlannedPhase, Base>> = {
  general_preparation: {
    sets: 2,
    reps: 8,
    distance: 100,
    intensity: 70,
    rest: 45,
    setRest: 180,
    notes: 'Extensive tempo (60–79%) on grass.',
  },
  specific_preparation: {
    sets: 2,
    reps: 7,
    distance: 100,
    intensity: 75,
    rest: 60,
    setRest: 180,
    notes: 'Extensive tempo (60–79%).',
  },
  competition: {
    sets: 2,
    reps: 5,
    distance: 100,
    intensity: 70,
    rest: 60,
    setRest: 180,
    notes: 'Extensive tempo, maintenance volume.',
  },
};

/**
 * Most metres one session may hold, by level (Francis's elite example of 960 m of speed
 * endurance is a ceiling, not a norm; extensive tempo up to 2 500 m; special endurance up to
 * 1 200 m). Reps come off until a session fits.
 */
export const sessionVolumeCaps: Readonly<
  Record<'speed_endurance' | 'special_endurance' | 'tempo', Record<ExperienceLevel, number>>
> = {
  speed_endurance: { beginner: 450, intermediate: 600, advanced: 750, elite: 900 },
  special_endurance: { beginner: 600, intermediate: 800, advanced: 1000, elite: 1200 },
  tempo: { beginner: 1400, intermediate: 1800, advanced: 2200, elite: 2500 },
};

/** Strength: sets × reps at a load (% of one-repetition maximum), by phase. */
export interface StrengthDose {
  readonly sets: number;
  readonly reps: number;
  readonly percent1RM: number;
  readonly notes: string;
}

export const strengthDoses: Readonly<Record<PlannedPhase, StrengthDose>> = {
  general_preparation: {
    sets: 3,
    reps: 8,
    percent1RM: 70,
    notes: 'Squat, Romanian deadlift, split squat, hip thrust; core to finish.',
  },
  specific_preparation: {
    sets: 4,
    reps: 5,
    percent1RM: 80,
    notes: 'Squat, Romanian deadlift, step-up; move the bar fast.',
  },
  competition: {
    sets: 3,
    reps: 3,
    percent1RM: 85,
    notes: 'Maintenance: squat and Romanian deadlift, fast and crisp, never to failure.',
  },
};

/**
 * Lighter loads for less experienced lifters (technique before load); reps and sets stay the
 * prescription's, not scaled by level like runs.
 */
export const strengthLoadOffset: Readonly<Record<ExperienceLevel, number>> = {
  beginner: -15,
  intermediate: -5,
  advanced: 0,
  elite: 0,
};

export const sessionTitles: Readonly<Record<SessionType, string>> = {
  acceleration: 'Acceleration',
  max_velocity: 'Maximal velocity (flies)',
  speed_endurance: 'Speed endurance',
  special_endurance: 'Special endurance',
  tempo: 'Extensive tempo',
  strength: 'Strength',
  strides: 'Strides',
  rest: 'Rest',
  competition: 'Competition',
};

export function baseFor(
  type: SessionType,
  event: SprintEvent,
  phase: PlannedPhase,
): Base | undefined {
  if (type === 'acceleration' || type === 'max_velocity' || type === 'speed_endurance') {
    return sprintBases[type][phase];
  }
  if (type === 'special_endurance') return specialEnduranceBases[event][phase];
  if (type === 'tempo') {
    const tempo = tempoBases[phase];
    const longer = event === '200m' || event === '400m';
    return longer ? { ...tempo, reps: tempo.reps + 2 } : tempo;
  }
  return undefined;
}
