import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type Conversation, conversations, type Message, messages } from '../schema/coaching.js';
import { trainingSessions } from '../schema/training.js';
import { dailyMetrics } from '../schema/wearables.js';
import { recordOutboxEvent } from './outbox.js';

/** `clock_timestamp()`, not `now()`: a question and its answer show distinct times where the clock allows. */
const clockNow = sql`clock_timestamp()`;

/** A conversation's latest write, so "most recently active" never ties on a timestamp. */
const lastMessageSeq = sql`(select max(${messages.seq}) from ${messages} where ${messages.conversationId} = ${conversations.id})`;

export async function findConversation(
  db: AriaDatabase,
  athleteId: string,
  id: string,
): Promise<Conversation | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.athleteId, athleteId)));
  return row;
}

/** The last `limit` messages of a conversation, oldest first. */
export async function recentMessages(
  db: AriaDatabase,
  conversationId: string,
  limit: number,
): Promise<Message[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.seq))
    .limit(limit);
  return rows.reverse();
}

export interface ExchangeRecord {
  readonly athleteId: string;
  /** The conversation to continue; a new one is started when absent. */
  readonly conversationId?: string | undefined;
  readonly question: string;
  readonly questionTokens: number;
  readonly mediaType?: string | undefined;
  readonly answerText: string;
  readonly answer: Record<string, unknown>;
  readonly provider: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

const titleLength = 80;

/**
 * Stores a question and its answer (starting the conversation when needed) and bumps the
 * conversation's `updated_at`, in one transaction.
 */
export async function recordExchange(db: AriaDatabase, record: ExchangeRecord) {
  return db.transaction(async (tx) => {
    let conversationId = record.conversationId;
    if (conversationId === undefined) {
      const [created] = await tx
        .insert(conversations)
        .values({ athleteId: record.athleteId, title: record.question.slice(0, titleLength) })
        .returning({ id: conversations.id });
      if (!created) throw new Error('insert returned no row');
      conversationId = created.id;
    } else {
      await tx
        .update(conversations)
        .set({ updatedAt: new Date() })
        .where(eq(conversations.id, conversationId));
    }
    const [question] = await tx
      .insert(messages)
      .values({
        conversationId,
        role: 'user',
        content: record.question,
        mediaType: record.mediaType ?? null,
        promptTokens: record.questionTokens,
        createdAt: clockNow,
      })
      .returning();
    const [answer] = await tx
      .insert(messages)
      .values({
        conversationId,
        role: 'assistant',
        content: record.answerText,
        answer: record.answer,
        provider: record.provider,
        promptTokens: record.promptTokens,
        completionTokens: record.completionTokens,
        createdAt: clockNow,
      })
      .returning();
    if (!question || !answer) throw new Error('insert returned no row');
    await recordOutboxEvent(tx, {
      type: 'insight.created',
      athleteId: record.athleteId,
      data: { conversationId, messageId: answer.id },
    });
    return { conversationId, question, answer };
  });
}

export type ConversationWithMessages = Conversation & { messages: Message[] };

/** An athlete's conversations, most recently active first, each with all its messages. */
export async function listConversations(
  db: AriaDatabase,
  athleteId: string,
  page: { limit: number; offset: number },
): Promise<ConversationWithMessages[]> {
  const rows = await db
    .select()
    .from(conversations)
    .where(eq(conversations.athleteId, athleteId))
    .orderBy(sql`${lastMessageSeq} desc nulls last`, desc(conversations.updatedAt))
    .limit(page.limit)
    .offset(page.offset);
  if (rows.length === 0) return [];
  const all = await db
    .select()
    .from(messages)
    .where(
      inArray(
        messages.conversationId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(messages.seq);
  return rows.map((row) => ({ ...row, messages: all.filter((m) => m.conversationId === row.id) }));
}

/**
 * Wearable days of an athlete from `since` to `until` (`YYYY-MM-DD`), and every logged session
 * up to `until`: training load reads the whole history.
 */
export async function coachingTrainingFigures(
  db: AriaDatabase,
  athleteId: string,
  since: string,
  until: string,
) {
  const daily = await db
    .select({
      date: dailyMetrics.date,
      sleepSeconds: dailyMetrics.sleepSeconds,
      restingHr: dailyMetrics.restingHr,
      hrvRmssd: dailyMetrics.hrvRmssd,
      recoveryScore: dailyMetrics.recoveryScore,
    })
    .from(dailyMetrics)
    .where(
      and(
        eq(dailyMetrics.athleteId, athleteId),
        gte(dailyMetrics.date, since),
        lte(dailyMetrics.date, until),
      ),
    )
    .orderBy(dailyMetrics.date);
  const sessions = await db
    .select({
      date: trainingSessions.date,
      durationMinutes: trainingSessions.durationMinutes,
      rpe: trainingSessions.rpe,
    })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.athleteId, athleteId), lte(trainingSessions.date, until)))
    .orderBy(trainingSessions.date);
  return { daily, sessions };
}
