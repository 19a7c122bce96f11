import { type CoachIntent, mentionsTraining, recogniseIntent } from './intents.js';
import { stemMatcher } from './keywords.js';
import { type CoachLanguage, detectLanguage, recogniseLanguage } from './language.js';
import { detectSafety, type SafetyFlags } from './safety/detect.js';
import type { CoachingInput, CoachMode, CoachTrainingContext } from './types.js';

/** tired/sore → more recovery; motivated/good/great → push a bit more (the original Aria). */
export type MoodTendency = 'recovery' | 'push' | 'neutral';

/** Masters-specific guidance from this age (World Masters Athletics). */
export const mastersAge = 35;
/** The original coach asks about the athlete's profession above this age. */
export const professionAge = 30;
/** Less sleep than this (hours) is a warning. */
export const sleepWarningHours = 7;

/** Youth guidance below this age. */
export const youthAge = 18;

/** Hours of sleep the athlete stated in the question ("I sleep 5–6 h" → 5 to 6). */
export interface StatedSleep {
  readonly low: number;
  readonly high: number;
}

/**
 * What the coach derives from the athlete and the question before answering: closed values
 * only (enums, numbers, flags), so it can go into a system prompt without any user text.
 */
export interface CoachBrief {
  readonly mode: CoachMode;
  readonly language: CoachLanguage;
  /** False when the question's language is none the coach recognises (English is assumed). */
  readonly languageRecognised: boolean;
  readonly intent: CoachIntent;
  readonly safety: SafetyFlags;
  readonly statedSleep: StatedSleep | null;
  readonly moodTendency: MoodTendency;
  readonly age: number | null;
  readonly masters: boolean;
  readonly youth: boolean;
  readonly askProfession: boolean;
  readonly poorSleep: boolean;
  /** The coach knows too little about the athlete's training and should ask. */
  readonly needsContext: boolean;
  /** Days until the next meet on the athlete's TrackLit calendar; null when none is known. */
  readonly daysToNextCompetition: number | null;
}

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

// Characters past Latin-1 are written as escapes (\u2013 is an en dash): one of them in the
// bundle makes V8 keep the whole bundle's source at two bytes a character.
const sleepPattern =
  /(\d{1,2}(?:[.,]\d)?)\s*(?:(?:-|\u2013|to|or|a|bis|till|à|ou|o)\s*(\d{1,2}(?:[.,]\d)?)\s*)?(?:h\b|hrs?\b|hours?|horas?|stunden|std\b|timmar|tim\b|heures?|ore\b)/iu;

/** Hours of sleep stated in a question, when it states some (between 2 and 14). */
export function statedSleepOf(question: string): StatedSleep | null {
  const match = question.match(sleepPattern);
  if (!match?.[1]) return null;
  const low = Number(match[1].replace(',', '.'));
  const high = match[2] ? Number(match[2].replace(',', '.')) : low;
  if (!(low >= 2 && high <= 14 && low <= high)) return null;
  return { low, high };
}

function sleptPoorly(training: CoachTrainingContext | null, stated: StatedSleep | null): boolean {
  if (stated !== null && stated.high < sleepWarningHours) return true;
  const hours = training?.lastNightSleepHours ?? training?.averageSleepHours ?? null;
  return hours !== null && hours < sleepWarningHours;
}

function lacksContext(input: CoachingInput): boolean {
  const { athlete, training, trackLit } = input;
  const known =
    athlete.eventFocus.length > 0 ||
    Object.keys(athlete.personalBests).length > 0 ||
    (athlete.trainingGoal ?? '').trim() !== '' ||
    (trackLit?.recentSessions.length ?? 0) > 0;
  return !known && (training === null || training.sessionsLast7Days === 0);
}

/** A follow-up with no intent of its own ("And how many reps?") keeps the last question's. */
function intentOf(input: CoachingInput, safety: SafetyFlags): CoachIntent {
  if (safety.injury) return 'injury';
  if (safety.medical) return 'medical';
  if (safety.nutrition || safety.supplements) return 'nutrition';
  const own = recogniseIntent(input.question);
  if (own !== null && own !== 'general') return own;
  const lastQuestion = [...input.history].reverse().find((turn) => turn.role === 'user');
  const followUp = own === 'general' || mentionsTraining(input.question);
  const earlier = lastQuestion && followUp ? recogniseIntent(lastQuestion.content) : null;
  if (earlier !== null) return earlier;
  return own ?? 'off_topic';
}

export function buildCoachBrief(input: CoachingInput): CoachBrief {
  const { athlete, question, training } = input;
  const safety = detectSafety(input);
  const age = ageOn(athlete.birthDate, input.now);
  const statedSleep = statedSleepOf(question);
  const recognised = recogniseLanguage(question);
  return {
    mode: athlete.coachMode,
    language: recognised ?? detectLanguage(question),
    languageRecognised: recognised !== null,
    intent: intentOf(input, safety),
    safety,
    statedSleep,
    moodTendency: moodTendency(athlete.mood),
    age,
    masters: age !== null && age >= mastersAge,
    youth: age !== null && age < youthAge,
    askProfession: age !== null && age > professionAge,
    poorSleep: sleptPoorly(training, statedSleep) || poorSleepWords.test(question),
    needsContext: lacksContext(input),
    daysToNextCompetition: input.trackLit?.daysToNextCompetition ?? null,
  };
}
