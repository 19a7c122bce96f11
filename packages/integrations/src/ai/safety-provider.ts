import { enforceSafety, needsCheckedStream, textChunks } from '@aria/core';
import type { AiProvider, AiReply, AiRequest, AiStreamEvent } from './types.js';

function checked(request: AiRequest, reply: AiReply): AiReply {
  return { ...reply, answer: enforceSafety(reply.answer, request.brief) };
}

/**
 * Any provider under core's safety policy: every answer is checked and repaired (see
 * `enforceSafety`). A question with pain, an injury, a medical, nutrition or supplement topic
 * streams nothing until the whole answer has been checked; then the checked text is streamed
 * in chunks, so no unchecked token reaches the athlete. Other questions stream as they come,
 * and their final answer is checked all the same. A mechanics analysis passes as it is: it
 * answers no question (its prompt carries the injury rule of the profile instead).
 */
export function withSafetyPolicy(provider: AiProvider): AiProvider {
  return {
    name: provider.name,
    supportsImages: provider.supportsImages,
    analyzeMechanics: (request) => provider.analyzeMechanics(request),
    answer: async (request) => checked(request, await provider.answer(request)),
    async *stream(request): AsyncGenerator<AiStreamEvent> {
      const hold = needsCheckedStream(request.brief);
      for await (const event of provider.stream(request)) {
        if (event.type === 'delta') {
          if (!hold) yield event;
          continue;
        }
        const reply = checked(request, event.reply);
        if (hold) {
          for (const field of ['analysis', 'recommendation'] as const) {
            for (const text of textChunks(reply.answer[field])) {
              if (request.signal?.aborted) return;
              yield { type: 'delta', field, text };
            }
          }
        }
        yield { type: 'answer', reply };
      }
    },
  };
}
