import type { CoachAnswer, TokenUsage } from '@aria/core';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import { answerJsonSchema, keepKnownArticles, parseModelAnswer } from './answer-schema.js';
import { AnswerFieldExtractor } from './json-fields.js';
import { mechanicsJsonSchema, parseMechanicsAnalysis } from './mechanics-schema.js';
import { malformedAnswer, toAiUnavailable } from './openai-errors.js';
import { toMechanicsMessages, toOpenAiMessages } from './openai-messages.js';
import type { AiProvider, AiReply, AiRequest, AiStreamEvent, MechanicsRequest } from './types.js';
import { visionUnavailable } from './vision.js';

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
/** Rating what frames show is no place for variety. */
const mechanicsTemperature = 0.2;

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

interface Attempt<T> {
  /** Undefined when the model refused or answered in another shape. */
  readonly value: T | undefined;
  readonly usage: TokenUsage;
}

interface Parsed<T> {
  readonly value: T;
  readonly usage: TokenUsage;
}

/** A malformed answer is retried once; a second one is AI_UNAVAILABLE. */
async function parsedOrRetried<T>(run: () => Promise<Attempt<T>>): Promise<Parsed<T>> {
  const first = await run();
  if (first.value !== undefined) return { value: first.value, usage: first.usage };
  return retriedOnce(run, first.usage);
}

/** The retry of an answer that was malformed (`spent`: the tokens of the first try). */
async function retriedOnce<T>(
  run: () => Promise<Attempt<T>>,
  spent: TokenUsage,
): Promise<Parsed<T>> {
  const second = await run();
  const usage = addUsage(spent, second.usage);
  if (second.value === undefined) throw malformedAnswer();
  return { value: second.value, usage };
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

  /** One completion, its text parsed by `parse`, with its usage. */
  async function complete<T>(
    body: ChatCompletionCreateParamsNonStreaming,
    parse: (text: string | null | undefined) => T | undefined,
    signal: AbortSignal | undefined,
    withImage: boolean,
  ): Promise<Attempt<T>> {
    try {
      const completion = await client.chat.completions.create(body, { signal });
      const message = completion.choices[0]?.message;
      return {
        value: message?.refusal ? undefined : parse(message?.content),
        usage: toUsage(completion.usage),
      };
    } catch (error) {
      throw toAiUnavailable(error, withImage);
    }
  }

  const attempt = (request: AiRequest) =>
    complete(params(request), parseModelAnswer, request.signal, request.image !== undefined);

  async function retryOnce(request: AiRequest, spent: TokenUsage): Promise<AiReply> {
    const { value, usage } = await retriedOnce(() => attempt(request), spent);
    return reply(request, value, usage);
  }

  const mechanicsAttempt = (request: MechanicsRequest) =>
    complete(
      {
        model: options.model,
        temperature: mechanicsTemperature,
        messages: toMechanicsMessages(request),
        response_format: { type: 'json_schema', json_schema: mechanicsJsonSchema },
      },
      parseMechanicsAnalysis,
      request.signal,
      true,
    );

  return {
    name: 'openai',
    supportsImages: options.vision,
    async answer(request) {
      const { value, usage } = await parsedOrRetried(() => attempt(request));
      return reply(request, value, usage);
    },
    async analyzeMechanics(request) {
      if (!options.vision) throw visionUnavailable();
      const { value, usage } = await parsedOrRetried(() => mechanicsAttempt(request));
      return { analysis: value, usage, provider: 'openai', model: options.model };
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
