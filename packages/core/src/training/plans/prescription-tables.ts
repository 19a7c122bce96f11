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
      notes: 'Speed endurance: 7–15 s runs.',
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

const strengthBase: Base = {
  sets: 3,
  reps: 10,
  distance: null,
  intensity: 60,
  rest: 60,
  setRest: 120,
  notes: 'General strength and core circuit at moderate load; heavy lifting belongs on high days.',
};

export const sessionTitles: Readonly<Record<SessionType, string>> = {
  acceleration: 'Acceleration',
  max_velocity: 'Maximal velocity (flies)',
  speed_endurance: 'Speed endurance',
  special_endurance: 'Special endurance',
  tempo: 'Extensive tempo',
  strength: 'General strength',
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
  if (type === 'strength') return strengthBase;
  return undefined;
}
