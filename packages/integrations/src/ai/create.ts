import type { Config } from '@aria/config';
import { createBuiltinProvider } from './builtin-provider.js';
import { withFallback } from './fallback.js';
import { createOpenAiProvider } from './openai-provider.js';
import { withSafetyPolicy } from './safety-provider.js';
import type { AiProvider } from './types.js';

/**
 * OpenAI when `OPENAI_API_KEY` is set (at `OPENAI_BASE_URL` when given), else the built-in
 * coach; with `AI_FALLBACK_TO_BUILTIN`, OpenAI failures are answered by the built-in coach.
 * Whichever answers, core's safety policy checks the answer (and what is streamed).
 */
export function createAiProvider(config: Pick<Config, 'openai' | 'ai'>): AiProvider {
  const builtin = createBuiltinProvider();
  if (!config.openai.apiKey) return withSafetyPolicy(builtin);
  const openai = createOpenAiProvider({
    apiKey: config.openai.apiKey,
    baseUrl: config.openai.baseUrl,
    model: config.openai.model,
    vision: config.openai.vision,
    timeoutMs: config.ai.timeoutMs,
    maxRetries: config.ai.maxRetries,
  });
  return withSafetyPolicy(config.ai.fallbackToBuiltin ? withFallback(openai, builtin) : openai);
}
