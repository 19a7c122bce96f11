import {
  AppError,
  type AthleteFacts,
  addDays,
  type CoachingInput,
  type CoachTrainingContext,
  type ConversationTurn,
  isoDateIn,
  type KnowledgeReference,
  recogniseIntent,
  selectHistory,
  summarizeCoachTraining,
} from '@aria/core';
import {
  type Athlete,
  coachingTrainingFigures,
  findAthlete,
  recentMessages,
  searchKnowledgeArticles,
} from '@aria/db';
import type { ApiDeps } from '../context.js';
import type { ProcedureLogger } from '../logger.js';
import { trackLitContextFor } from '../tracklit/athlete-context.js';

/** Messages read back per question before the token budget cuts them. */
const rememberedMessages = 40;
const articlesPerQuestion = 3;
/** Days of wearable figures the coach sees (its load figures read the whole log). */
const wearableDays = 28;

/** English library terms per intent, so a question in any language finds articles. */
const intentTerms: Readonly<Record<string, string>> = {
  warm_up: 'warm-up warm up',
  acceleration: 'acceleration start block',
  max_velocity: 'velocity speed flying',
  speed_endurance: 'speed endurance',
  special_endurance: 'special endurance 400m',
  rest_intervals: 'rest recovery',
  tempo: 'tempo',
  strength: 'strength',
  plyometrics: 'plyometrics',
  race_day: 'race competition',
  pre_race_day: 'race competition',
  taper: 'taper race competition',
  sleep: 'sleep recovery',
  recovery: 'recovery',
  youth: 'youth',
  masters: 'masters',
  mental: 'mental',
};

/** A websearch query (`a or b or …`) from the question's words and its intent's terms. */
export function librarySearchQuery(question: string): string {
  const words = (question.toLowerCase().match(/[\p{L}\d]{4,}/gu) ?? []).slice(0, 12);
  const intent = recogniseIntent(question);
  const terms = (intent === null ? '' : (intentTerms[intent] ?? '')).split(' ').filter(Boolean);
  return [...new Set([...terms, ...words])].join(' or ');
}

function toFacts(athlete: Athlete): AthleteFacts {
  return {
    name: athlete.name,
    birthDate: athlete.birthDate,
    gender: athlete.gender,
    eventFocus: athlete.eventFocus,
    personalBests: athlete.personalBests,
    trainingGoal: athlete.trainingGoal,
    injuryStatus: athlete.injuryStatus,
    coachMode: athlete.coachMode,
    mood: athlete.mood,
  };
}

async function history(deps: ApiDeps, conversationId: string | undefined) {
  if (conversationId === undefined) return [];
  const rows = await recentMessages(deps.db, conversationId, rememberedMessages);
  const turns = rows.flatMap((row): ConversationTurn[] =>
    row.role === 'system' ? [] : [{ role: row.role, content: row.content }],
  );
  return selectHistory(turns, deps.config.ai.historyTokenBudget);
}

async function knowledge(deps: ApiDeps, question: string): Promise<KnowledgeReference[]> {
  const query = librarySearchQuery(question);
  if (query === '') return [];
  const hits = await searchKnowledgeArticles(deps.db, query, {
    limit: articlesPerQuestion,
    offset: 0,
  });
  return hits.map((hit) => ({ id: hit.id, title: hit.title, summary: hit.summary, url: hit.url }));
}

/**
 * The athlete's recent wearable figures and training load (the same load computation as
 * readiness and plans, over the whole log), as of today on the athlete's clocks; null
 * without any data.
 */
export async function trainingContext(
  deps: Pick<ApiDeps, 'db'>,
  athlete: Pick<Athlete, 'id' | 'timeZone'>,
  now: Date,
): Promise<CoachTrainingContext | null> {
  const today = isoDateIn(now, athlete.timeZone);
  const since = addDays(today, -(wearableDays - 1));
  const { daily, sessions } = await coachingTrainingFigures(deps.db, athlete.id, since, today);
  return summarizeCoachTraining(daily, sessions, today);
}

/**
 * Everything a question needs: profile, remembered turns, library hits, and for an enhanced
 * question the training figures and the TrackLit context.
 */
export async function loadCoachingInput(
  ctx: { readonly deps: ApiDeps; readonly logger: ProcedureLogger },
  options: {
    athleteId: string;
    question: string;
    conversationId?: string | undefined;
    enhanced: boolean;
  },
): Promise<CoachingInput> {
  const { deps } = ctx;
  const athlete = await findAthlete(deps.db, options.athleteId);
  if (!athlete) throw new AppError('NOT_FOUND', 'No such athlete.');
  const now = deps.now();
  const trackLit = options.enhanced
    ? trackLitContextFor(ctx, athlete.id, isoDateIn(now, athlete.timeZone))
    : null;
  const input: CoachingInput = {
    athlete: toFacts(athlete),
    question: options.question,
    history: await history(deps, options.conversationId),
    knowledge: await knowledge(deps, options.question),
    training: options.enhanced ? await trainingContext(deps, athlete, now) : null,
    now,
  };
  const context = await trackLit;
  return context === null ? input : { ...input, trackLit: context };
}
