import { buildCoachBrief, enforceSafety, estimateTokens } from '@aria/core';
import { recordExchange } from '@aria/db';
import type { AiImage, AiReply, AiRequest } from '@aria/integrations';
import type { ApiDeps } from '../context.js';
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
  /** Add the athlete's wearable and training-load figures (askEnhanced). */
  readonly enhanced: boolean;
}

async function prepare(deps: ApiDeps, plan: AskPlan, signal: AbortSignal | undefined) {
  const input = await loadCoachingInput(deps, plan);
  const request: AiRequest = { input, brief: buildCoachBrief(input), image: plan.image, signal };
  return request;
}

/** Applies the safety rules to the reply, stores question and answer, answers the view. */
async function storeReply(
  deps: ApiDeps,
  plan: AskPlan,
  request: AiRequest,
  reply: AiReply,
): Promise<CoachingAnswerView> {
  const answer = enforceSafety(reply.answer, request.brief);
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

export async function answerQuestion(
  deps: ApiDeps,
  plan: AskPlan,
  signal: AbortSignal | undefined,
): Promise<CoachingAnswerView> {
  const request = await prepare(deps, plan, signal);
  return storeReply(deps, plan, request, await deps.ai.answer(request));
}

/**
 * Streams text deltas, then stores and yields the complete answer. A failure refunds the
 * quota unit; a client that goes away aborts the provider call and nothing is stored (the
 * unit stays spent: the answer was being delivered).
 */
export async function* streamAnswer(
  deps: ApiDeps,
  plan: AskPlan,
  signal: AbortSignal | undefined,
  charge: QuotaCharge,
): AsyncGenerator<CoachingStreamEvent, void, unknown> {
  try {
    const request = await prepare(deps, plan, signal);
    for await (const event of deps.ai.stream(request)) {
      if (signal?.aborted) return;
      if (event.type === 'delta') {
        yield { type: 'delta', field: event.field, text: event.text };
        continue;
      }
      const view = await storeReply(deps, plan, request, event.reply);
      const added = view.recommendation.slice(event.reply.answer.recommendation.length);
      if (view.recommendation.startsWith(event.reply.answer.recommendation) && added !== '') {
        yield { type: 'delta', field: 'recommendation', text: added };
      }
      yield { type: 'answer', answer: view };
      return;
    }
  } catch (error) {
    if (!signal?.aborted) await charge.refund();
    throw error;
  }
}
