import type { CoachBrief } from '../brief.js';
import type { CoachLanguage } from '../language.js';
import type { InjurySource } from '../safety/detect.js';
import { acwrZone, estimateFromHundred, restMinutesFor } from '../science.js';
import type { BibliographyEntry, CoachAnswer, CoachingInput } from '../types.js';
import type { Phrases, TrainingIntent } from './phrases.js';
import { german } from './phrases-de.js';
import { english } from './phrases-en.js';
import { spanish } from './phrases-es.js';
import { swedish } from './phrases-sv.js';
import { hoursText, type SafetyPhrases, safetyPhrasesFor, sleepLine } from './safety-phrases.js';

const maxArticles = 3;

const mentalReading: readonly BibliographyEntry[] = [
  'Rebound (Alan Goldberg)',
  'With Winning in Mind (Lanny Bassham)',
  "The Champion's Mind (Jim Afremow)",
].map((title) => ({ title, url: null, articleId: null }));

/** Intents whose answer is a session: mood, sleep, age and injury caution change it. */
const sessionIntents: ReadonlySet<TrainingIntent> = new Set([
  'warm_up',
  'acceleration',
  'max_velocity',
  'speed_endurance',
  'special_endurance',
  'rest_intervals',
  'tempo',
  'strength',
  'plyometrics',
  'general',
]);

/** Intents where the athlete's own training figures matter. */
const figureIntents: ReadonlySet<TrainingIntent> = new Set(['general', 'recovery', 'sleep']);

/** The built-in coach writes every answer in these; other languages get English and a note. */
const written: Readonly<Partial<Record<CoachLanguage, Phrases>>> = {
  en: english,
  es: spanish,
  de: german,
  sv: swedish,
};

type Parts = { analysis: string[]; recommendation: string[] };
const answerOf = (parts: Parts, bibliography: readonly BibliographyEntry[]): CoachAnswer => ({
  analysis: parts.analysis.join(' '),
  recommendation: parts.recommendation.join(' '),
  bibliography,
});

function primarySource(sources: readonly InjurySource[]): InjurySource {
  return (
    (['question', 'conversation', 'tracklit', 'profile'] as const).find((s) =>
      sources.includes(s),
    ) ?? 'question'
  );
}

function injuryAnswer(brief: CoachBrief, s: SafetyPhrases): Parts {
  const { safety } = brief;
  return {
    analysis: [
      s.injuryAnalysis[primarySource(safety.injurySources)],
      ...(safety.medical ? [s.medicalAnalysis] : []),
    ],
    recommendation: [
      s.referral,
      s.restriction,
      s.safeWork,
      sleepLine(s, brief.statedSleep),
      ...(safety.medical ? [s.medicalAdvice] : []),
      ...(safety.nutrition || safety.supplements ? [s.dietitianReferral] : []),
    ],
  };
}

function nutritionAnswer(brief: CoachBrief, s: SafetyPhrases): Parts {
  return {
    analysis: [s.nutritionAnalysis],
    recommendation: [
      ...(brief.safety.nutrition || !brief.safety.supplements ? [s.nutritionAdvice] : []),
      ...(brief.safety.supplements ? [s.supplementAdvice] : []),
      s.dietitianReferral,
    ],
  };
}

/** A distance the question names ("150 m reps"), between 10 and 600 m. */
function statedDistance(question: string): number | null {
  const match = question.match(/\b(\d{2,3})\s*(?:m|metres?|meters?|metros?|meter|mètres?)\b/iu);
  const metres = match?.[1] ? Number(match[1]) : null;
  return metres !== null && metres >= 10 && metres <= 600 ? metres : null;
}

function sleepVerdict(hours: number): 'short' | 'adequate' | 'good' {
  if (hours < 7) return 'short';
  return hours < 8 ? 'adequate' : 'good';
}

function profileFacts(input: CoachingInput, intent: TrainingIntent, p: Phrases): string[] {
  if (intent !== 'speed_endurance' && intent !== 'special_endurance') return [];
  const facts: string[] = [];
  const { eventFocus, personalBests } = input.athlete;
  if (eventFocus.length > 0) facts.push(p.events(p.list(eventFocus)));
  const hundred = personalBests['100m'];
  if (hundred !== undefined && hundred >= 9.5 && hundred <= 20) {
    facts.push(p.twoHundredFromHundred(hundred, estimateFromHundred(200, hundred)));
  }
  return facts;
}

function trainingFigures(input: CoachingInput, p: Phrases): string[] {
  const training = input.training;
  if (!training) return [];
  const facts: string[] = [];
  const sleep = training.lastNightSleepHours ?? training.averageSleepHours;
  if (sleep !== null) facts.push(p.sleepFigures(sleep));
  if (training.sessionsLast7Days > 0 || training.acwr !== null) {
    const zone = training.acwr === null ? null : acwrZone(training.acwr);
    facts.push(p.loadFigures(training.sessionsLast7Days, training.acwr, zone));
  }
  return facts;
}

function sleepKnown(input: CoachingInput, brief: CoachBrief): boolean {
  const training = input.training;
  return (
    brief.statedSleep !== null ||
    (training !== null && (training.averageSleepHours ?? training.lastNightSleepHours) !== null)
  );
}

function trainingAnswer(
  input: CoachingInput,
  brief: CoachBrief,
  intent: TrainingIntent,
  p: Phrases,
): Parts {
  const text = p.intents[intent];
  const session = sessionIntents.has(intent);
  const distance = intent === 'rest_intervals' ? statedDistance(input.question) : null;
  const { age } = brief;
  const stated = brief.statedSleep;
  const askSleep = (intent === 'sleep' || intent === 'recovery') && !sleepKnown(input, brief);
  return {
    analysis: [
      text.analysis,
      ...(intent === 'sleep' && stated
        ? [p.sleepHours(hoursText(stated), sleepVerdict(stated.high))]
        : []),
      ...profileFacts(input, intent, p),
      ...(figureIntents.has(intent) ? trainingFigures(input, p) : []),
      ...(brief.needsContext && session ? [p.askContext] : []),
      ...(brief.askProfession && (intent === 'general' || intent === 'recovery')
        ? [p.askProfession]
        : []),
    ],
    recommendation: [
      ...(distance !== null ? [p.restFor(distance, restMinutesFor(distance))] : []),
      text.recommendation,
      ...(session && brief.moodTendency === 'recovery' ? [p.moodRecovery] : []),
      ...(session && brief.moodTendency === 'push' && !brief.poorSleep ? [p.moodPush] : []),
      ...(session && brief.poorSleep ? [p.poorSleep] : []),
      ...(session && brief.masters && age !== null ? [p.mastersNote(age)] : []),
      ...(session && brief.youth && age !== null ? [p.youthNote(age)] : []),
      ...(askSleep ? [p.askSleep] : []),
      ...(intent === 'mental' ? [p.mentalReading] : []),
      ...(intent === 'off_topic' ? [] : [p.closing[brief.mode]]),
    ],
  };
}

/**
 * The built-in coach: the answer to the question's intent, in the athlete's language where
 * it writes it, with the profile and training figures only where they change the advice.
 * Injuries, medical, nutrition and supplement questions follow the safety policy. No network,
 * no randomness: the same input gives the same answer.
 */
export function composeBuiltinAnswer(input: CoachingInput, brief: CoachBrief): CoachAnswer {
  const s = safetyPhrasesFor(brief.language);
  const articles: BibliographyEntry[] = input.knowledge.slice(0, maxArticles).map((article) => ({
    title: article.title,
    url: article.url,
    articleId: article.id,
  }));
  if (brief.safety.injury) return answerOf(injuryAnswer(brief, s), articles);
  if (brief.intent === 'medical') {
    return answerOf({ analysis: [s.medicalAnalysis], recommendation: [s.medicalAdvice] }, articles);
  }
  if (brief.intent === 'nutrition') return answerOf(nutritionAnswer(brief, s), articles);
  const intent: TrainingIntent = brief.intent === 'injury' ? 'general' : brief.intent;
  const p = written[brief.language] ?? english;
  const parts = trainingAnswer(input, brief, intent, p);
  if (written[brief.language] === undefined && s.englishNote) parts.analysis.unshift(s.englishNote);
  return answerOf(parts, [...articles, ...(intent === 'mental' ? mentalReading : [])]);
}
