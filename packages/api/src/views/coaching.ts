import type { BibliographyEntry, CoachAnswer, TokenUsage } from '@aria/core';
import type { ConversationWithMessages, Message } from '@aria/db';
import { z } from 'zod';

export interface BibliographyView {
  title: string;
  url: string | null;
  /** The knowledge article cited (`knowledge.get`), when the entry is one. */
  articleId: string | null;
}

export interface UsageView {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** The answer of every ask procedure. */
export interface CoachingAnswerView {
  analysis: string;
  recommendation: string;
  bibliography: BibliographyView[];
  conversationId: string;
  /** Who answered: `openai` or `builtin` (also after a fallback). */
  provider: 'openai' | 'builtin';
  usage: UsageView;
}

/** `askStream` yields text deltas, then the complete answer (which is authoritative). */
export type CoachingStreamEvent =
  | { type: 'delta'; field: 'analysis' | 'recommendation'; text: string }
  | { type: 'answer'; answer: CoachingAnswerView };

export interface MessageView {
  id: string;
  role: 'user' | 'assistant' | 'system';
  content: string;
  /** An assistant message's structured answer. */
  answer: { analysis: string; recommendation: string; bibliography: BibliographyView[] } | null;
  provider: string | null;
  /** The question's estimated tokens, or the answer call's prompt tokens. */
  promptTokens: number | null;
  completionTokens: number | null;
  mediaType: string | null;
  createdAt: Date;
}

export interface ConversationView {
  id: string;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
  messages: MessageView[];
}

export function toBibliographyView(entries: readonly BibliographyEntry[]): BibliographyView[] {
  return entries.map((entry) => ({
    title: entry.title,
    url: entry.url,
    articleId: entry.articleId,
  }));
}

export function toAnswerView(
  answer: CoachAnswer,
  meta: { conversationId: string; provider: 'openai' | 'builtin'; usage: TokenUsage },
): CoachingAnswerView {
  return {
    analysis: answer.analysis,
    recommendation: answer.recommendation,
    bibliography: toBibliographyView(answer.bibliography),
    conversationId: meta.conversationId,
    provider: meta.provider,
    usage: { ...meta.usage },
  };
}

const storedAnswerSchema = z.object({
  analysis: z.string(),
  recommendation: z.string(),
  bibliography: z.array(
    z.object({ title: z.string(), url: z.string().nullable(), articleId: z.string().nullable() }),
  ),
});

function toMessageView(row: Message): MessageView {
  const stored = storedAnswerSchema.safeParse(row.answer);
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    answer: stored.success ? stored.data : null,
    provider: row.provider,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    mediaType: row.mediaType,
    createdAt: row.createdAt,
  };
}

export function toConversationView(row: ConversationWithMessages): ConversationView {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    messages: row.messages.map(toMessageView),
  };
}
