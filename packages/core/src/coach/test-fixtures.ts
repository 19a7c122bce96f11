import type { AthleteFacts, CoachingInput } from './types.js';

/** A filled-in 100 m sprinter, 26 on `now`. */
export const sprinter: AthleteFacts = {
  name: 'Ada',
  birthDate: '2000-03-01',
  gender: null,
  eventFocus: ['100m', '200m'],
  personalBests: { '100m': 10.85 },
  trainingGoal: 'Sub-10.7 this season',
  injuryStatus: null,
  coachMode: 'supportive',
  mood: null,
};

export const now = new Date('2026-06-01T12:00:00Z');

export function coachingInput(
  question: string,
  changes: Partial<AthleteFacts> = {},
  extra: Partial<CoachingInput> = {},
): CoachingInput {
  return {
    athlete: { ...sprinter, ...changes },
    question,
    history: [],
    knowledge: [],
    training: null,
    now,
    ...extra,
  };
}
