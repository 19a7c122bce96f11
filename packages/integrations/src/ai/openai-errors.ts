import { AppError } from '@aria/core';
import OpenAI from 'openai';

/** A model answer that did not parse (twice). */
export function malformedAnswer(): AppError {
  return new AppError(
    'AI_UNAVAILABLE',
    'The AI provider answered in a form Aria cannot read; please try again.',
  );
}

/** True when the call was cancelled because the caller went away. */
export function isAbort(error: unknown): boolean {
  return (
    error instanceof OpenAI.APIUserAbortError ||
    (error instanceof Error && error.name === 'AbortError')
  );
}

/**
 * SDK failures (after its own bounded retries) as AI_UNAVAILABLE with a detail that names
 * the kind of failure but never the provider's message or the key.
 */
export function toAiUnavailable(error: unknown, withImage: boolean): unknown {
  if (error instanceof AppError || isAbort(error)) return error;
  const options = { cause: error };
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError('AI_UNAVAILABLE', 'The AI provider did not answer in time.', options);
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new AppError('AI_UNAVAILABLE', 'The AI provider cannot be reached.', options);
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const detail =
      withImage && error.status === 400
        ? 'The AI model refused the image; it may not be vision-capable (OPENAI_MODEL).'
        : `The AI provider failed (HTTP ${error.status}).`;
    return new AppError('AI_UNAVAILABLE', detail, options);
  }
  return new AppError('AI_UNAVAILABLE', 'The AI provider failed.', options);
}
