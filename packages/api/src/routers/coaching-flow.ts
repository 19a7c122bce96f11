import { AppError, buildCoachBrief, estimateTokens } from '@aria/core';
import { recordExchange } from '@aria/db';
import { type AiImage, type AiReply, type AiRequest, withSafetyPolicy } from '@aria/integrations';
import type { ApiDeps } from '../context.js';
import type { ProcedureLogger } from '../logger.js';
import type { QuotaCharge } from '../metering/index.js';
import {
  type CoachingAnswerView,
  type CoachingStreamEvent,
  toAnswerView,
} from '../views/coaching.js';
import { loadCoachingInput } from './coaching-context.js';

/** One question as the procedures received it. */
export interface AskPlan {
  readonly athleteId: string;
  readonly question: string;
  readonly conversationId?: string | undefined;
  readonly image?: AiImage | undefined;
  /** Add the athlete's wearable and training-load figures and TrackLit context (askEnhanced). */
  readonly enhanced: boolean;
}

/** What the flow needs of the procedure's context. */
export interface AskContext {
  readonly deps: ApiDeps;
  readonly logger: ProcedureLogger;
}

async function prepare(ctx: AskContext, plan: AskPlan, signal: AbortSignal | undefined) {
  const input = await loadCoachingInput(ctx, plan);
  const request: AiRequest = { input, brief: buildCoachBrief(input), image: plan.image, signal };
  return request;
}

/** Stores question and (checked) answer, answers the view. */
async function storeReply(
  deps: ApiDeps,
  plan: AskPlan,
  reply: AiReply,
): Promise<CoachingAnswerView> {
  const answer = reply.answer;
  const stored = await recordExchange(deps.db, {
    athleteId: plan.athleteId,
    conversationId: plan.conversationId,
    question: plan.question,
    questionTokens: estimateTokens(plan.question),
    mediaType: plan.image?.mediaType,
    answerText: `${answer.analysis}\n\n${answer.recommendation}`,
    answer: {
      analysis: answer.analysis,
      recommendation: answer.recommendation,
      bibliography: answer.bibliography,
    },
    provider: reply.provider,
    promptTokens: reply.usage.promptTokens,
    completionTokens: reply.usage.completionTokens,
  });
  return toAnswerView(answer, {
    conversationId: stored.conversationId,
    provider: reply.provider,
    usage: reply.usage,
  });
}

/** The server stopped the work (request timeout, shutdown): the error the caller gets. */
function serverStop(signal: AbortSignal | undefined): AppError | undefined {
  return signal?.aborted && signal.reason instanceof AppError ? signal.reason : undefined;
}

function stopped(signal: AbortSignal): AppError {
  return serverStop(signal) ?? new AppError('BAD_REQUEST', 'The caller went away.');
}

/**
 * Answers and stores one question. Stopped (timed out, cut by shutdown, caller gone), it
 * throws, so the metering refunds the unit, and a reply that arrives late is not stored.
 */
export async function answerQuestion(
  ctx: AskContext,
  plan: AskPlan,
  signal: AbortSignal | undefined,
): Promise<CoachingAnswerView> {
  try {
    const request = await prepare(ctx, plan, signal);
    const reply = await withSafetyPolicy(ctx.deps.ai).answer(request);
    if (signal?.aborted) throw stopped(signal);
    return await storeReply(ctx.deps, plan, reply);
  } catch (error) {
    throw serverStop(signal) ?? error;
  }
}

/**
 * Streams text deltas, then stores and yields the complete answer; the safety policy decides
 * what may be streamed (a question about pain streams only checked text). A failure refunds the
 * quota unit, and so does a stream the server stops (shutdown), which then throws the reason
 * (the transport's `error` event). A client that goes away aborts the provider call and nothing
 * is stored (the unit stays spent: the answer was being delivered).
 */
export async function* streamAnswer(
  ctx: AskContext,
  plan: AskPlan,
  signal: AbortSignal | undefined,
  charge: QuotaCharge,
): AsyncGenerator<CoachingStreamEvent, void, unknown> {
  try {
    const request = await prepare(ctx, plan, signal);
    for await (const event of withSafetyPolicy(ctx.deps.ai).stream(request)) {
      if (signal?.aborted) break;
      if (event.type === 'delta') {
        yield { type: 'delta', field: event.field, text: event.text };
        continue;
      }
      yield { type: 'answer', answer: await storeReply(ctx.deps, plan, event.reply) };
      return;
    }
    const stop = serverStop(signal);
    if (stop) throw stop;
  } catch (error) {
    if (signal?.aborted && !serverStop(signal)) throw error;
    await charge.refund();
    throw serverStop(signal) ?? error;
  }
}
