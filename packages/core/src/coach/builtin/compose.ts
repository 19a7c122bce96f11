import type { CoachBrief } from '../brief.js';
import { acwrZone, estimateFromHundred, restMinutesFor, taperVolumeCut } from '../science.js';
import type { CoachTopic } from '../topics.js';
import type { BibliographyEntry, CoachAnswer, CoachingInput } from '../types.js';
import { phrasesFor } from './language-phrases.js';
import type { Phrases } from './phrases.js';

/** At most this many topics shape one answer (the first ones detected). */
const maxTopics = 2;
const maxArticles = 3;

const mentalReading: readonly BibliographyEntry[] = [
  'Rebound (Alan Goldberg)',
  'With Winning in Mind (Lanny Bassham)',
  "The Champion's Mind (Jim Afremow)",
].map((title) => ({ title, url: null, articleId: null }));

function profileFacts(input: CoachingInput, p: Phrases): string[] {
  const facts: string[] = [];
  const { eventFocus, personalBests } = input.athlete;
  if (eventFocus.length > 0) facts.push(p.profile(p.list(eventFocus)));
  const hundred = personalBests['100m'];
  if (hundred !== undefined) {
    facts.push(p.best('100 m', hundred));
    if (hundred >= 9.5 && hundred <= 20) {
      facts.push(p.estimates(estimateFromHundred(60, hundred), estimateFromHundred(200, hundred)));
    }
  }
  return facts;
}

function trainingFacts(input: CoachingInput, p: Phrases): string[] {
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

function scienceFacts(topics: readonly CoachTopic[], p: Phrases): string[] {
  const facts: string[] = [];
  if (topics.includes('start')) facts.push(p.rest(20, restMinutesFor(20)));
  if (topics.includes('max_velocity')) facts.push(p.rest(50, restMinutesFor(50)));
  if (topics.includes('race_prep')) facts.push(p.taper(taperVolumeCut.min, taperVolumeCut.max));
  return facts;
}

function analysisOf(input: CoachingInput, brief: CoachBrief, topics: readonly CoachTopic[]) {
  const p = phrasesFor(brief.language);
  const sleepKnown = input.training?.averageSleepHours != null;
  return [
    p.opening[brief.mode],
    ...(topics.length > 0 ? topics.map((topic) => p.topicAnalysis[topic]) : [p.general.analysis]),
    ...profileFacts(input, p),
    ...trainingFacts(input, p),
    ...(brief.masters && brief.age !== null ? [p.masters(brief.age)] : []),
    ...(brief.needsContext ? [p.askContext] : []),
    ...(brief.askProfession ? [p.askProfession] : []),
    ...(topics.includes('sleep_recovery') && !sleepKnown ? [p.askSleep] : []),
  ].join(' ');
}

function recommendationOf(brief: CoachBrief, topics: readonly CoachTopic[]) {
  const p = phrasesFor(brief.language);
  const injuryFirst = brief.injuryReported && !topics.includes('injury') ? ['injury' as const] : [];
  const advice = [...injuryFirst, ...topics];
  const masters =
    brief.masters && !topics.includes('masters') ? [p.topicRecommendation.masters] : [];
  const names = brief.injuries.map((injury) => p.injuryNames[injury]);
  return [
    ...(brief.injuryReported ? [p.injuryCaution] : []),
    ...(brief.moodTendency === 'recovery' ? [p.moodRecovery] : []),
    ...(brief.moodTendency === 'push' && !brief.injuryReported ? [p.moodPush] : []),
    ...(brief.poorSleep ? [p.poorSleep] : []),
    ...(advice.length > 0
      ? advice.map((topic) => p.topicRecommendation[topic])
      : [p.general.recommendation]),
    ...scienceFacts(topics, p),
    ...masters,
    ...(topics.includes('mental') ? [p.mentalReading] : []),
    ...(names.length > 0 ? [p.medical(p.list(names))] : []),
    p.closing[brief.mode],
  ].join(' ');
}

/**
 * The built-in coach: an answer composed from the brief (topics, mood, injuries, age,
 * language), the athlete's profile, training figures and the knowledge articles found for
 * the question. No network, no randomness: the same input gives the same answer.
 */
export function composeBuiltinAnswer(input: CoachingInput, brief: CoachBrief): CoachAnswer {
  const topics = brief.topics.slice(0, maxTopics);
  const articles: BibliographyEntry[] = input.knowledge.slice(0, maxArticles).map((article) => ({
    title: article.title,
    url: article.url,
    articleId: article.id,
  }));
  return {
    analysis: analysisOf(input, brief, topics),
    recommendation: recommendationOf(brief, topics),
    bibliography: [...articles, ...(brief.topics.includes('mental') ? mentalReading : [])],
  };
}
