import type { FlaggedInjury } from '../injuries.js';
import type { CoachTopic } from '../topics.js';
import type { CoachMode } from '../types.js';

/** Everything the built-in coach writes, in one language. */
export interface Phrases {
  readonly opening: Readonly<Record<CoachMode, string>>;
  readonly closing: Readonly<Record<CoachMode, string>>;
  readonly topicAnalysis: Readonly<Record<CoachTopic, string>>;
  readonly topicRecommendation: Readonly<Record<CoachTopic, string>>;
  readonly general: { readonly analysis: string; readonly recommendation: string };
  readonly profile: (events: string) => string;
  readonly best: (event: string, seconds: number) => string;
  readonly estimates: (sixty: number, twoHundred: number) => string;
  readonly askContext: string;
  readonly askProfession: string;
  readonly askSleep: string;
  readonly moodRecovery: string;
  readonly moodPush: string;
  readonly poorSleep: string;
  readonly injuryCaution: string;
  readonly medical: (injuries: string) => string;
  readonly injuryNames: Readonly<Record<FlaggedInjury, string>>;
  readonly masters: (age: number) => string;
  readonly sleepFigures: (hours: number) => string;
  readonly loadFigures: (sessions: number, acwr: number | null, zone: string | null) => string;
  readonly rest: (metres: number, minutes: number) => string;
  readonly taper: (min: number, max: number) => string;
  readonly mentalReading: string;
  readonly list: (items: readonly string[]) => string;
}

export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
