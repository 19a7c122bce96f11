import {
  buildChatMessages,
  composeBuiltinAnswer,
  estimateTokens,
  type TokenUsage,
  textChunks,
} from '@aria/core';
import type { AiProvider, AiReply, AiRequest, AiStreamEvent } from './types.js';
import { visionUnavailable } from './vision.js';

export const builtinModel = 'aria-builtin-coach-1';

/** Estimated tokens: what the same question would cost as a Chat Completions call. */
function estimatedUsage(request: AiRequest, reply: string): TokenUsage {
  const prompt = buildChatMessages(request.input, request.brief)
    .map((message) => estimateTokens(message.content))
    .reduce((sum, tokens) => sum + tokens, 0);
  const completion = estimateTokens(reply);
  return { promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion };
}

function answer(request: AiRequest): AiReply {
  const coachAnswer = composeBuiltinAnswer(request.input, request.brief);
  return {
    answer: coachAnswer,
    usage: estimatedUsage(request, JSON.stringify(coachAnswer)),
    provider: 'builtin',
    model: builtinModel,
  };
}

/**
 * The built-in coach behind the provider interface: no network, deterministic. It reads no
 * images, so askMedia needs OpenAI.
 */
export function createBuiltinProvider(): AiProvider {
  return {
    name: 'builtin',
    supportsImages: false,
    answer: async (request) => answer(request),
    async *stream(request): AsyncGenerator<AiStreamEvent> {
      const reply = answer(request);
      for (const field of ['analysis', 'recommendation'] as const) {
        for (const text of textChunks(reply.answer[field])) {
          if (request.signal?.aborted) return;
          yield { type: 'delta', field, text };
        }
      }
      yield { type: 'answer', reply };
    },
    analyzeMechanics: async () => {
      throw visionUnavailable();
    },
  };
}
