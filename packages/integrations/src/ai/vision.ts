import { AppError } from '@aria/core';

/** What a provider that reads no images answers when asked to look at some. */
export function visionUnavailable(): AppError {
  return new AppError(
    'AI_UNAVAILABLE',
    'This AI provider reads no images: set OPENAI_API_KEY with a vision model (OPENAI_VISION).',
  );
}
