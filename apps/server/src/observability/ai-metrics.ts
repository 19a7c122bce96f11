import type { TokenUsage } from '@aria/core';
import type { AiProvider, AiRequest, AiStreamEvent, MechanicsRequest } from '@aria/integrations';
import type { AriaMetrics } from '@aria/metrics';

/**
 * The same provider, timing every call and counting the tokens of every reply. The reply
 * names the provider that really answered (after a fallback, the built-in coach).
 */
export function withAiMetrics(provider: AiProvider, metrics: AriaMetrics): AiProvider {
  const countTokens = (reply: { provider: string; usage: TokenUsage }) => {
    metrics.aiTokens.inc({ provider: reply.provider, kind: 'prompt' }, reply.usage.promptTokens);
    metrics.aiTokens.inc(
      { provider: reply.provider, kind: 'completion' },
      reply.usage.completionTokens,
    );
  };
  const observe = (
    mode: 'answer' | 'stream' | 'mechanics',
    startedAt: number,
    outcome: 'ok' | 'error',
  ) =>
    metrics.aiRequestDuration.observe(
      { provider: provider.name, mode, outcome },
      (performance.now() - startedAt) / 1000,
    );

  async function timed<Reply extends { provider: string; usage: TokenUsage }>(
    mode: 'answer' | 'mechanics',
    call: () => Promise<Reply>,
  ): Promise<Reply> {
    const startedAt = performance.now();
    try {
      const reply = await call();
      observe(mode, startedAt, 'ok');
      countTokens(reply);
      return reply;
    } catch (error) {
      observe(mode, startedAt, 'error');
      throw error;
    }
  }

  return {
    name: provider.name,
    supportsImages: provider.supportsImages,
    answer: (request: AiRequest) => timed('answer', () => provider.answer(request)),
    analyzeMechanics: (request: MechanicsRequest) =>
      timed('mechanics', () => provider.analyzeMechanics(request)),
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
