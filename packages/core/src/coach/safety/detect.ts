import { type Token, tokenize } from '../nlp/text.js';
import { findTerms, hasTerm, type TermHit } from '../nlp/vocabulary.js';
import type { CoachingInput } from '../types.js';
import {
  bodyRegions,
  generalRegionSymptoms,
  generalRegions,
  healthyStatus,
  inability,
  injuringActions,
  medicalTerms,
  negatingAfter,
  negators,
  notComplaints,
  notMedical,
  nutritionTerms,
  otherBodyParts,
  possessives,
  regionSymptoms,
  selfCare,
  stateVerbs,
  supplementTerms,
  symptoms,
} from './lexicon.js';

/** Where an injury was reported. */
export type InjurySource = 'question' | 'profile' | 'conversation' | 'tracklit';

/**
 * What the safety policy found about a question: closed values only, so it can shape the
 * system prompt without carrying any text the athlete wrote.
 */
export interface SafetyFlags {
  /** Pain, injury or a named condition: question, profile, recent turns or TrackLit. */
  readonly injury: boolean;
  readonly injurySources: readonly InjurySource[];
  /** Illness or another medical topic in the question (a doctor's matter). */
  readonly medical: boolean;
  readonly nutrition: boolean;
  readonly supplements: boolean;
}

/** User turns of the conversation, newest last, that still count for an injury. */
const rememberedTurns = 3;
const negationWindow = 2;

function negated(tokens: readonly Token[], hit: TermHit): boolean {
  const first = tokens[hit.start];
  if (!first) return false;
  const sameClause = (token: Token | undefined) => token?.clause === first.clause;
  const after = tokens[hit.end + 1];
  if (sameClause(after) && after && negatingAfter.has(after.folded)) return true;
  const last = tokens[hit.end]?.folded ?? '';
  if (/(?:free|frei|fri)$/u.test(last)) return true;
  if (!negatorBefore(tokens, hit)) return false;
  // "I can't run without pain" reports pain.
  const clause = tokens.slice(0, hit.start).filter(sameClause);
  return !hasTerm(clause, inability);
}

/** "not", "no", "without"… just before the term, in its clause. */
function negatorBefore(tokens: readonly Token[], hit: TermHit): boolean {
  const clause = tokens[hit.start]?.clause;
  const before = tokens.slice(Math.max(0, hit.start - negationWindow), hit.start);
  return before.some((token) => token.clause === clause && negators.has(token.folded));
}

/**
 * "My calf is bad", "mein Knie ist komisch": the athlete's own body region, a state verb, and
 * a word that is not about technique or health ("my back is too upright", "my knee is fine").
 */
function ownRegionComplaint(tokens: readonly Token[], regions: readonly TermHit[]): boolean {
  return regions.some((hit) => {
    const before = tokens.slice(Math.max(0, hit.start - 3), hit.start);
    if (!before.some((token) => possessives.has(token.folded))) return false;
    const [verb, state] = [tokens[hit.end + 1], tokens[hit.end + 2]];
    const clause = tokens[hit.end]?.clause;
    if (!verb || verb.clause !== clause || !stateVerbs.has(verb.folded)) return false;
    if (!state || state.clause !== clause) return false;
    return !hasTerm([state], notComplaints);
  });
}

/** Whether `hit` starts inside one of `phrases`. */
function within(phrases: readonly TermHit[], hit: TermHit): boolean {
  return phrases.some((phrase) => phrase.start <= hit.start && hit.start <= phrase.end);
}

/** Whether a text reports pain, an injury or a named condition (negations aside). */
export function reportsInjury(text: string): boolean {
  const tokens = tokenize(text);
  const selfCared = findTerms(tokens, selfCare);
  const real = (hits: TermHit[]) =>
    hits.filter((hit) => !negated(tokens, hit) && !within(selfCared, hit));
  if (real(findTerms(tokens, symptoms)).length > 0) return true;
  const clausesOf = (hits: TermHit[]) => new Set(hits.map((hit) => tokens[hit.start]?.clause));
  const regions = findTerms(tokens, bodyRegions);
  if (ownRegionComplaint(tokens, regions)) return true;
  const regionClauses = clausesOf(regions);
  const generalClauses = clausesOf(findTerms(tokens, generalRegions));
  const partClauses = clausesOf([...regions, ...findTerms(tokens, otherBodyParts)]);
  const inClause = (hits: TermHit[], clauses: Set<number | undefined>) =>
    real(hits).some((hit) => clauses.has(tokens[hit.start]?.clause));
  return (
    inClause(findTerms(tokens, regionSymptoms), regionClauses) ||
    inClause(findTerms(tokens, generalRegionSymptoms), generalClauses) ||
    inClause(findTerms(tokens, injuringActions), partClauses)
  );
}

/**
 * A profile injury status is an injury unless it says there is none ("none", "healthy",
 * "no injury", "keine") and reports nothing else.
 */
export function profileReportsInjury(status: string | null): boolean {
  const text = (status ?? '').trim();
  // Hyphen, en dash, em dash (escaped: the bundle's source stays one byte a character).
  if (text === '' || /^[-\u2013\u2014.\s]*$/u.test(text)) return false;
  if (reportsInjury(text)) return true;
  const tokens = tokenize(text);
  // "Not fully recovered", "not cleared yet" deny the healthy word.
  return !findTerms(tokens, healthyStatus).some((hit) => !negatorBefore(tokens, hit));
}

export function detectSafety(input: CoachingInput): SafetyFlags {
  const sources: InjurySource[] = [];
  if (reportsInjury(input.question)) sources.push('question');
  if (profileReportsInjury(input.athlete.injuryStatus)) sources.push('profile');
  const recent = input.history
    .filter((turn) => turn.role === 'user')
    .slice(-rememberedTurns)
    .some((turn) => reportsInjury(turn.content));
  if (recent) sources.push('conversation');
  if (input.trackLit?.activeInjury) sources.push('tracklit');
  const tokens = tokenize(input.question);
  const everyday = findTerms(tokens, notMedical);
  return {
    injury: sources.length > 0,
    injurySources: sources,
    medical: findTerms(tokens, medicalTerms).some((hit) => !within(everyday, hit)),
    nutrition: hasTerm(tokens, nutritionTerms),
    supplements: hasTerm(tokens, supplementTerms),
  };
}
