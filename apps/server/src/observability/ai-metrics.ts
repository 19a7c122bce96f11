import type { AiProvider, AiReply, AiRequest, AiStreamEvent } from '@aria/integrations';
import type { AriaMetrics } from '@aria/metrics';

/**
 * The same provider, timing every call and counting the tokens of every reply. The reply
 * names the provider that really answered (after a fallback, the built-in coach).
 */
export function withAiMetrics(provider: AiProvider, metrics: AriaMetrics): AiProvider {
  const countTokens = (reply: AiReply) => {
    metrics.aiTokens.inc({ provider: reply.provider, kind: 'prompt' }, reply.usage.promptTokens);
    metrics.aiTokens.inc(
      { provider: reply.provider, kind: 'completion' },
      reply.usage.completionTokens,
    );
  };
  const observe = (mode: 'answer' | 'stream', startedAt: number, outcome: 'ok' | 'error') =>
    metrics.aiRequestDuration.observe(
      { provider: provider.name, mode, outcome },
      (performance.now() - startedAt) / 1000,
    );

  return {
    name: provider.name,
    supportsImages: provider.supportsImages,
    async answer(request: AiRequest) {
      const startedAt = performance.now();
      try {
        const reply = await provider.answer(request);
        observe('answer', startedAt, 'ok');
        countTokens(reply);
        return reply;
      } catch (error) {
        observe('answer', startedAt, 'error');
        throw error;
      }
    },
    async *stream(request: AiRequest): AsyncIterable<AiStreamEvent> {
      const startedAt = performance.now();
      try {
        for await (const event of provider.stream(request)) {
          if (event.type === 'answer') {
            observe('stream', startedAt, 'ok');
            countTokens(event.reply);
          }
          yield event;
        }
      } catch (error) {
        observe('stream', startedAt, 'error');
        throw error;
      }
    },
  };
}
