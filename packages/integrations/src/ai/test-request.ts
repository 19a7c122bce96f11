import { type AthleteFacts, buildCoachBrief, type CoachingInput } from '@aria/core';
import type { AiRequest } from './types.js';

const athlete: AthleteFacts = {
  name: 'Ada',
  birthDate: '1984-02-02',
  gender: null,
  eventFocus: ['100m'],
  personalBests: { '100m': 11.2 },
  trainingGoal: 'Win the national masters title',
  injuryStatus: null,
  coachMode: 'strict',
  mood: 'tired',
};

/** A request as the router builds it; for provider tests. */
export function testRequest(question: string, extra: Partial<AiRequest> = {}): AiRequest {
  const input: CoachingInput = {
    athlete,
    question,
    history: [],
    knowledge: [{ id: 'article-1', title: 'Acceleration', summary: 'Shin angles', url: null }],
    training: null,
    now: new Date('2026-06-01T12:00:00Z'),
  };
  return { input, brief: buildCoachBrief(input), ...extra };
}
