import { AppError } from '@aria/core';
import type { AiProvider, AiStreamEvent } from './types.js';

function unavailable(error: unknown): boolean {
  return error instanceof AppError && error.code === 'AI_UNAVAILABLE';
}

/**
 * `primary`, and when it is unavailable the built-in coach instead; the reply's `provider`
 * says which one answered. A stream falls back only before its first event (a half-streamed
 * OpenAI answer is not mixed with another one). Mechanics analyses never fall back: the
 * fallback reads no images.
 */
export function withFallback(primary: AiProvider, fallback: AiProvider): AiProvider {
  return {
    name: primary.name,
    supportsImages: primary.supportsImages,
    analyzeMechanics: (request) => primary.analyzeMechanics(request),
    async answer(request) {
      try {
        return await primary.answer(request);
      } catch (error) {
        if (!unavailable(error) || request.image) throw error;
        return fallback.answer(request);
      }
    },
    async *stream(request): AsyncGenerator<AiStreamEvent> {
      let started = false;
      try {
        for await (const event of primary.stream(request)) {
          started = true;
          yield event;
        }
      } catch (error) {
        if (started || !unavailable(error) || request.image) throw error;
        yield* fallback.stream(request);
      }
    },
  };
}
