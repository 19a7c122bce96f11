import type { CoachAnswer, TokenUsage } from '@aria/core';
import OpenAI from 'openai';
import type { CompletionUsage } from 'openai/resources/completions';
import { answerJsonSchema, keepKnownArticles, parseModelAnswer } from './answer-schema.js';
import { AnswerFieldExtractor } from './json-fields.js';
import { malformedAnswer, toAiUnavailable } from './openai-errors.js';
import { toOpenAiMessages } from './openai-messages.js';
import type { AiProvider, AiReply, AiRequest, AiStreamEvent } from './types.js';

export interface OpenAiProviderOptions {
  readonly apiKey: string;
  /** Any OpenAI-compatible server (Azure OpenAI, Ollama, vLLM, …); default OpenAI's. */
  readonly baseUrl?: string | undefined;
  readonly model: string;
  readonly vision: boolean;
  /** Per attempt, in ms. */
  readonly timeoutMs: number;
  /** The SDK's retries on connection errors, timeouts, 408/409/429 and 5xx. */
  readonly maxRetries: number;
}

/** The original Aria's setting. */
const temperature = 0.7;

function toUsage(usage: CompletionUsage | null | undefined): TokenUsage {
  const promptTokens = usage?.prompt_tokens ?? 0;
  const completionTokens = usage?.completion_tokens ?? 0;
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    totalTokens: a.totalTokens + b.totalTokens,
  };
}

/** OpenAI through the official SDK: structured outputs, parsed with zod, one retry. */
export function createOpenAiProvider(options: OpenAiProviderOptions): AiProvider {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl ?? null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  const params = (request: AiRequest) => ({
    model: options.model,
    temperature,
    messages: toOpenAiMessages(request),
    response_format: { type: 'json_schema' as const, json_schema: answerJsonSchema },
  });
  const reply = (request: AiRequest, answer: CoachAnswer, usage: TokenUsage): AiReply => ({
    answer: keepKnownArticles(answer, new Set(request.input.knowledge.map((k) => k.id))),
    usage,
    provider: 'openai',
    model: options.model,
  });

  /** One completion: the parsed answer (or undefined when malformed) and its usage. */
  async function attempt(request: AiRequest) {
    try {
      const completion = await client.chat.completions.create(params(request), {
        signal: request.signal,
      });
      const message = completion.choices[0]?.message;
      return {
        answer: message?.refusal ? undefined : parseModelAnswer(message?.content),
        usage: toUsage(completion.usage),
      };
    } catch (error) {
      throw toAiUnavailable(error, request.image !== undefined);
    }
  }

  /** A malformed answer is retried once; a second one is AI_UNAVAILABLE. */
  async function retryOnce(request: AiRequest, spent: TokenUsage): Promise<AiReply> {
    const second = await attempt(request);
    const usage = addUsage(spent, second.usage);
    if (!second.answer) throw malformedAnswer();
    return reply(request, second.answer, usage);
  }

  return {
    name: 'openai',
    supportsImages: options.vision,
    async answer(request) {
      const first = await attempt(request);
      if (first.answer) return reply(request, first.answer, first.usage);
      return retryOnce(request, first.usage);
    },
    async *stream(request): AsyncGenerator<AiStreamEvent> {
      const extractor = new AnswerFieldExtractor();
      let content = '';
      let usage = toUsage(undefined);
      try {
        const stream = await client.chat.completions.create(
          { ...params(request), stream: true, stream_options: { include_usage: true } },
          { signal: request.signal },
        );
        for await (const chunk of stream) {
          const delta = chunk.choices[0]?.delta?.content;
          if (delta) {
            content += delta;
            for (const piece of extractor.push(delta)) yield { type: 'delta', ...piece };
          }
          if (chunk.usage) usage = toUsage(chunk.usage);
        }
      } catch (error) {
        throw toAiUnavailable(error, request.image !== undefined);
      }
      const answer = parseModelAnswer(content);
      // The deltas so far were a preview; the final answer event is what counts.
      const final = answer ? reply(request, answer, usage) : await retryOnce(request, usage);
      yield { type: 'answer', reply: final };
    },
  };
}
