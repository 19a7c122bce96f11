import { provisionAthlete } from '@aria/db';
import type { ApiDeps } from '../context.js';

const knownTtlSeconds = 3600;
const knownKey = (athleteId: string) => `athlete:known:${athleteId}`;

/**
 * An athlete whose id is unknown is created on its first authenticated call (free tier,
 * empty profile). A short-lived marker in the store keeps this off the database on later
 * calls; erasure deletes the marker.
 */
export async function ensureAthlete(deps: Pick<ApiDeps, 'db' | 'kv'>, athleteId: string) {
  if (await deps.kv.get<boolean>(knownKey(athleteId))) return;
  await provisionAthlete(deps.db, { id: athleteId });
  await deps.kv.set(knownKey(athleteId), true, { ttlSeconds: knownTtlSeconds });
}

export async function forgetAthlete(deps: Pick<ApiDeps, 'kv'>, athleteId: string) {
  await deps.kv.delete(knownKey(athleteId));
}
