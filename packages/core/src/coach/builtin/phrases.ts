import type { CoachIntent } from '../intents.js';
import type { CoachMode } from '../types.js';

/** The intents answered from these phrases (the safety intents have their own). */
export type TrainingIntent = Exclude<CoachIntent, 'injury' | 'medical' | 'nutrition'>;

export interface IntentText {
  readonly analysis: string;
  readonly recommendation: string;
}

/** Everything the built-in coach writes about training, in one language. */
export interface Phrases {
  readonly intents: Readonly<Record<TrainingIntent, IntentText>>;
  readonly closing: Readonly<Record<CoachMode, string>>;
  /** Rest for reps of a stated distance: near-maximal and at 90 %. */
  readonly restFor: (metres: number, maxMinutes: number) => string;
  readonly sleepHours: (hours: string, verdict: 'short' | 'adequate' | 'good') => string;
  readonly askSleep: string;
  readonly twoHundredFromHundred: (hundred: number, twoHundred: number) => string;
  readonly events: (events: string) => string;
  readonly askContext: string;
  readonly askProfession: string;
  readonly moodRecovery: string;
  readonly moodPush: string;
  readonly poorSleep: string;
  readonly mastersNote: (age: number) => string;
  readonly youthNote: (age: number) => string;
  readonly sleepFigures: (hours: number) => string;
  readonly loadFigures: (sessions: number, acwr: number | null, zone: string | null) => string;
  readonly mentalReading: string;
  readonly list: (items: readonly string[]) => string;
}

export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
