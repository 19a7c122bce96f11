/** The plain data the coach works from; no I/O, no database types. */

import type { TrackLitContextSummary } from '../tracklit/context.js';

export type CoachMode = 'strict' | 'supportive' | 'friendly';

/** The athlete as the coach sees it (a subset of the stored profile). */
export interface AthleteFacts {
  readonly name: string | null;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string | null;
  readonly gender: string | null;
  readonly eventFocus: readonly string[];
  /** Seconds by event (`{ "100m": 10.85 }`). */
  readonly personalBests: Readonly<Record<string, number>>;
  readonly trainingGoal: string | null;
  readonly injuryStatus: string | null;
  readonly coachMode: CoachMode;
  readonly mood: string | null;
}

export interface BibliographyEntry {
  readonly title: string;
  readonly url: string | null;
  /** The knowledge-library article cited, when the entry is one. */
  readonly articleId: string | null;
}

/** What every provider answers (the original Aria's `{analysis, recommendation, bibliography}`). */
export interface CoachAnswer {
  readonly analysis: string;
  readonly recommendation: string;
  readonly bibliography: readonly BibliographyEntry[];
}

export interface ConversationTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/** A knowledge-library article found for the question (full-text search). */
export interface KnowledgeReference {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly url: string | null;
}

/** Recent wearable and training-load figures (askEnhanced); any may be missing. */
export interface CoachTrainingContext {
  /** Days covered by the wearable and weekly figures below (the ACWR reads the whole log). */
  readonly days: number;
  readonly averageSleepHours: number | null;
  readonly lastNightSleepHours: number | null;
  readonly restingHr: number | null;
  readonly hrvRmssd: number | null;
  readonly recoveryScore: number | null;
  readonly sessionsLast7Days: number;
  /** Foster session-RPE load (RPE × minutes) of the last 7 days. */
  readonly loadLast7Days: number | null;
  /** Rolling uncoupled ACWR (last 7 days ÷ the 21 before), when 28 days of data exist. */
  readonly acwr: number | null;
  /** EWMA ACWR (N = 7 ÷ N = 28, seeded with the first week), when 28 days of data exist. */
  readonly acwrEwma?: number | null;
}

/** Everything one question needs, for either provider. */
export interface CoachingInput {
  readonly athlete: AthleteFacts;
  readonly question: string;
  /** Earlier turns of the conversation, oldest first, already cut to the token budget. */
  readonly history: readonly ConversationTurn[];
  readonly knowledge: readonly KnowledgeReference[];
  readonly training: CoachTrainingContext | null;
  /** The athlete's TrackLit context (askEnhanced with TRACKLIT_API_URL); absent otherwise. */
  readonly trackLit?: TrackLitContextSummary | null;
  readonly now: Date;
}

export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly totalTokens: number;
}
