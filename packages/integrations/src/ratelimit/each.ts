import type { RateLimitDecision, RateLimitRule } from './types.js';

/**
 * What the decisions of one call's windows answer together: the first refusal (or degraded
 * answer), else the decision with the fewest calls remaining, the one a client should pace
 * itself by.
 */
export function bindingDecision(decisions: readonly RateLimitDecision[]): RateLimitDecision {
  let binding: RateLimitDecision | undefined;
  for (const decision of decisions) {
    if (decision.degraded || !decision.success) return decision;
    if (binding === undefined || decision.remaining < binding.remaining) binding = decision;
  }
  if (binding === undefined) throw new RangeError('limitEach needs at least one rule');
  return binding;
}

/** `limitEach` by calling `limit` once per rule, in order, stopping at the first refusal. */
export async function limitEachInTurn(
  limit: (rule: RateLimitRule) => Promise<RateLimitDecision>,
  rules: readonly RateLimitRule[],
): Promise<RateLimitDecision> {
  const decisions: RateLimitDecision[] = [];
  for (const rule of rules) {
    const decision = await limit(rule);
    decisions.push(decision);
    if (decision.degraded || !decision.success) break;
  }
  return bindingDecision(decisions);
}
