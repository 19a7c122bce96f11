import type { RateLimitDecision } from './types.js';

/**
 * `X-RateLimit-*` of one decision. `X-RateLimit-Reset` is the number of whole seconds until
 * the window resets (rounded up, at least 1), the same unit as `Retry-After`, so clocks need
 * not agree.
 */
export function rateLimitHeaders(
  decision: RateLimitDecision,
  nowMs: number,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(secondsUntil(decision.reset, nowMs)),
  };
}

/** Whole seconds from `nowMs` to `atMs`, rounded up, at least 1. */
export function secondsUntil(atMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((atMs - nowMs) / 1_000));
}

export function setHeaders(target: Headers, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}
