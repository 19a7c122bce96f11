import { isAriaError, isStreamingUnsupported } from '@aria/client';

/** What the UI says about a failed call; 402 and 429 get their own components. */
export function describeFailure(error: unknown): string {
  if (isAriaError(error, 'RATE_LIMITED')) {
    return `Too many requests: try again in ${error.data.retryAfter} s.`;
  }
  if (isAriaError(error, 'UNAUTHORIZED')) return 'Your session has ended: sign in again.';
  if (isAriaError(error)) return `${error.data.title}: ${error.data.detail}`;
  if (isStreamingUnsupported(error)) return 'This browser cannot stream answers.';
  return 'Aria is unreachable.';
}
