import type { ConversationTurn } from './types.js';

/**
 * A provider-independent token estimate (about four characters per token, plus a little
 * per message); used for the memory budget and for the built-in coach's usage figures.
 */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

const perMessageOverhead = 4;

/**
 * The most recent turns that fit in `budget` estimated tokens, oldest first. A turn that
 * does not fit ends the selection (older turns are never skipped over).
 */
export function selectHistory(
  turns: readonly ConversationTurn[],
  budget: number,
): ConversationTurn[] {
  const kept: ConversationTurn[] = [];
  let used = 0;
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const turn = turns[index];
    if (!turn) continue;
    const cost = estimateTokens(turn.content) + perMessageOverhead;
    if (used + cost > budget) break;
    used += cost;
    kept.unshift(turn);
  }
  return kept;
}
