import type { RateLimitDecision, RateLimitRule } from './types.js';

/** `limitEach` by calling `limit` once per rule, in order, stopping at the first refusal. */
export async function limitEachInTurn(
  limit: (rule: RateLimitRule) => Promise<RateLimitDecision>,
  rules: readonly RateLimitRule[],
): Promise<RateLimitDecision> {
  let binding: RateLimitDecision | undefined;
  for (const rule of rules) {
    const decision = await limit(rule);
    if (decision.degraded || !decision.success) return decision;
    binding = tighter(binding, decision);
  }
  if (binding === undefined) throw new RangeError('limitEach needs at least one rule');
  return binding;
}

/** The decision a client should pace itself by: the one with the fewest calls remaining. */
export function tighter(
  current: RateLimitDecision | undefined,
  next: RateLimitDecision,
): RateLimitDecision {
  return current === undefined || next.remaining < current.remaining ? next : current;
}
