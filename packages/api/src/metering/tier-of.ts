import { type AthleteTier, findAthleteTier } from '@aria/db';
import type { Context } from '../context.js';

/** Reads a user's tier at most once per metered call (the quota and the rate share it). */
export type TierOf = (userId: string) => Promise<AthleteTier>;

export function tierLookup(ctx: Context, at: Date): TierOf {
  const read = new Map<string, Promise<AthleteTier>>();
  return (userId) => {
    let tier = read.get(userId);
    if (tier === undefined) {
      tier = findAthleteTier(ctx.deps.db, userId, at);
      read.set(userId, tier);
    }
    return tier;
  };
}
