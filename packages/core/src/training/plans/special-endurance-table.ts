import type { Base, PlannedPhase } from './prescription-tables.js';
import type { SprintEvent } from './types.js';

/**
 * Special endurance by event: I is 15/20–40 s, II 40 s–2 min, e.g. 2 × 300 m at 98–100% with
 * 20 min rest, 4 × 300 m at 90% with 7–10 min. 200 m and 400 m lean on it (once a week); the
 * notes never state a dose, which `prescribe` writes from the one it sets.
 */
export const specialEnduranceBases: Readonly<Record<SprintEvent, Record<PlannedPhase, Base>>> = {
  '60m': {
    general_preparation: {
      sets: 1,
      reps: 2,
      distance: 150,
      intensity: 90,
      rest: 600,
      notes: 'Special endurance I.',
    },
    specific_preparation: {
      sets: 1,
      reps: 2,
      distance: 150,
      intensity: 90,
      rest: 600,
      notes: 'Special endurance I.',
    },
    competition: {
      sets: 1,
      reps: 2,
      distance: 150,
      intensity: 90,
      rest: 600,
      notes: 'Special endurance I.',
    },
  },
  '100m': {
    general_preparation: {
      sets: 1,
      reps: 2,
      distance: 150,
      intensity: 90,
      rest: 600,
      notes: 'Special endurance I.',
    },
    specific_preparation: {
      sets: 1,
      reps: 2,
      distance: 200,
      intensity: 90,
      rest: 720,
      notes: 'Special endurance I.',
    },
    competition: {
      sets: 1,
      reps: 2,
      distance: 200,
      intensity: 95,
      rest: 900,
      notes: 'Special endurance I.',
    },
  },
  '200m': {
    general_preparation: {
      sets: 1,
      reps: 3,
      distance: 200,
      intensity: 85,
      rest: 480,
      notes: 'Special endurance I (20–40 s).',
    },
    specific_preparation: {
      sets: 1,
      reps: 3,
      distance: 250,
      intensity: 90,
      rest: 600,
      notes: 'Special endurance I (20–40 s).',
    },
    competition: {
      sets: 1,
      reps: 2,
      distance: 250,
      intensity: 98,
      rest: 900,
      notes: 'Special endurance I at race intent.',
    },
  },
  '400m': {
    general_preparation: {
      sets: 1,
      reps: 4,
      distance: 300,
      intensity: 85,
      rest: 480,
      notes: 'Special endurance II (40 s–2 min).',
    },
    specific_preparation: {
      sets: 1,
      reps: 4,
      distance: 300,
      intensity: 90,
      rest: 540,
      notes: 'Special endurance II (40 s–2 min), 7–10 min between runs.',
    },
    competition: {
      sets: 1,
      reps: 2,
      distance: 300,
      intensity: 98,
      rest: 1200,
      notes: 'Special endurance II at race intent, 20 min between runs.',
    },
  },
};
