import { detectInjuries, type FlaggedInjury } from './injuries.js';
import { stemMatcher } from './keywords.js';
import { type CoachLanguage, detectLanguage } from './language.js';
import { type CoachTopic, detectTopics } from './topics.js';
import type { AthleteFacts, CoachingInput, CoachMode, CoachTrainingContext } from './types.js';

/** tired/sore → more recovery; motivated/good/great → push a bit more (the original Aria). */
export type MoodTendency = 'recovery' | 'push' | 'neutral';

/** Masters-specific guidance from this age (World Masters Athletics). */
export const mastersAge = 35;
/** The original coach asks about the athlete's profession above this age. */
export const professionAge = 30;
/** Less sleep than this (hours) is a warning. */
export const sleepWarningHours = 7;

/**
 * What the coach derives from the athlete and the question before answering: closed values
 * only (enums, numbers, flags), so it can go into a system prompt without any user text.
 */
export interface CoachBrief {
  readonly mode: CoachMode;
  readonly language: CoachLanguage;
  readonly topics: readonly CoachTopic[];
  readonly moodTendency: MoodTendency;
  readonly age: number | null;
  readonly masters: boolean;
  readonly askProfession: boolean;
  readonly injuries: readonly FlaggedInjury[];
  /** Any injury at all: the profile's injury status, a flagged injury, or an injury question. */
  readonly injuryReported: boolean;
  readonly poorSleep: boolean;
  /** The coach knows too little about the athlete's training and should ask. */
  readonly needsContext: boolean;
}

/** Injury statuses that mean "no injury". */
const noInjury = new Set([
  '',
  'none',
  'no',
  'healthy',
  'n/a',
  'na',
  '-',
  'ninguna',
  'ninguno',
  'aucune',
  'keine',
]);

const recoveryMoods = new Set(['tired', 'sore']);
const pushMoods = new Set(['motivated', 'good', 'great']);
const poorSleepWords = stemMatcher([
  'slept badly',
  'slept poorly',
  'poor sleep',
  'bad sleep',
  "couldn't sleep",
  'could not sleep',
  'no sleep',
  'insomnia',
  'dormí mal',
  'duermo mal',
  'mal dormi',
  'peu dormi',
  'schlecht geschlafen',
  'kaum geschlafen',
  'dormito male',
  'dormi mal',
]);

export function moodTendency(mood: string | null): MoodTendency {
  if (mood === null) return 'neutral';
  if (recoveryMoods.has(mood)) return 'recovery';
  return pushMoods.has(mood) ? 'push' : 'neutral';
}

/** Whole years from `birthDate` (`YYYY-MM-DD`) to `now`, in UTC; null when unknown. */
export function ageOn(birthDate: string | null, now: Date): number | null {
  const match = birthDate?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const beforeBirthday =
    now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  const age = now.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
  return age >= 0 && age < 130 ? age : null;
}

function sleptPoorly(training: CoachTrainingContext | null): boolean {
  const hours = training?.lastNightSleepHours ?? training?.averageSleepHours ?? null;
  return hours !== null && hours < sleepWarningHours;
}

function lacksContext(athlete: AthleteFacts, training: CoachTrainingContext | null): boolean {
  const known =
    athlete.eventFocus.length > 0 ||
    Object.keys(athlete.personalBests).length > 0 ||
    (athlete.trainingGoal ?? '').trim() !== '';
  return !known && (training === null || training.sessionsLast7Days === 0);
}

/** Topics of the question; a follow-up without one keeps the topics of the last question. */
function topicsOf(input: CoachingInput): CoachTopic[] {
  const current = detectTopics(input.question);
  if (current.length > 0) return current;
  const lastQuestion = [...input.history].reverse().find((turn) => turn.role === 'user');
  return lastQuestion ? detectTopics(lastQuestion.content) : [];
}

export function buildCoachBrief(input: CoachingInput): CoachBrief {
  const { athlete, question, training } = input;
  const topics = topicsOf(input);
  const status = (athlete.injuryStatus ?? '').trim();
  const injuryStatus = noInjury.has(status.toLowerCase()) ? '' : status;
  const injuries = detectInjuries(`${question}\n${injuryStatus}`);
  const age = ageOn(athlete.birthDate, input.now);
  return {
    mode: athlete.coachMode,
    language: detectLanguage(question),
    topics,
    moodTendency: moodTendency(athlete.mood),
    age,
    masters: age !== null && age >= mastersAge,
    askProfession: age !== null && age > professionAge,
    injuries,
    injuryReported: injuryStatus !== '' || injuries.length > 0 || topics.includes('injury'),
    poorSleep: sleptPoorly(training) || poorSleepWords.test(question),
    needsContext: lacksContext(athlete, training),
  };
}
