import type {
  CoachAnswer,
  CoachBrief,
  CoachingInput,
  MechanicsContext,
  TokenUsage,
} from '@aria/core';
import type { MechanicsAnalysis } from './mechanics-schema.js';

export type AiProviderName = 'openai' | 'builtin';

export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

/** An image sent with a question, base64 encoded. */
export interface AiImage {
  readonly mediaType: ImageMediaType;
  readonly base64: string;
}

export interface AiRequest {
  readonly input: CoachingInput;
  readonly brief: CoachBrief;
  readonly image?: AiImage | undefined;
  /** Aborts the provider call (the client went away). */
  readonly signal?: AbortSignal | undefined;
}

export interface AiReply {
  readonly answer: CoachAnswer;
  readonly usage: TokenUsage;
  /** Which provider answered (after a fallback, the built-in coach). */
  readonly provider: AiProviderName;
  readonly model: string;
}

export type AnswerField = 'analysis' | 'recommendation';

/** A streamed answer: text deltas of the analysis then the recommendation, then the reply. */
export type AiStreamEvent =
  | { readonly type: 'delta'; readonly field: AnswerField; readonly text: string }
  | { readonly type: 'answer'; readonly reply: AiReply };

/** Frames of a sprint (a video's key frames, or one photo) to rate the mechanics of. */
export interface MechanicsRequest {
  readonly frames: readonly AiImage[];
  readonly context: MechanicsContext;
  readonly signal?: AbortSignal | undefined;
}

export interface MechanicsReply {
  readonly analysis: MechanicsAnalysis;
  readonly usage: TokenUsage;
  readonly provider: AiProviderName;
  readonly model: string;
}

/**
 * One interface for OpenAI (or any OpenAI-compatible server) and the built-in coach. Both
 * fail with AppError `AI_UNAVAILABLE` when they cannot answer.
 */
export interface AiProvider {
  readonly name: AiProviderName;
  /** Whether `image` may be sent (askMedia). */
  readonly supportsImages: boolean;
  answer(request: AiRequest): Promise<AiReply>;
  stream(request: AiRequest): AsyncIterable<AiStreamEvent>;
  /**
   * Rates the sprint mechanics the frames show. Only a provider that `supportsImages` can;
   * the others fail with AI_UNAVAILABLE.
   */
  analyzeMechanics(request: MechanicsRequest): Promise<MechanicsReply>;
}
