import { provisionAthlete } from '@aria/db';
import type { ApiDeps } from '../context.js';
import { degradeTo } from '../resilience/degradation.js';

const knownTtlSeconds = 3600;
const knownKey = (athleteId: string) => `athlete:known:${athleteId}`;

/**
 * An athlete whose id is unknown is created on its first authenticated call (free tier,
 * empty profile). A short-lived marker in the store keeps this off the database on later
 * calls; erasure deletes the marker. Without Redis every call provisions (an idempotent
 * insert) and the marker is skipped (reported as `athlete_marker`).
 */
export async function ensureAthlete(
  deps: Pick<ApiDeps, 'db' | 'kv' | 'degradation'>,
  athleteId: string,
) {
  const marker = knownKey(athleteId);
  const known = await degradeTo(
    deps.degradation,
    'athlete_marker',
    () => deps.kv.get(marker),
    null,
  );
  if (known) return;
  await provisionAthlete(deps.db, { id: athleteId });
  const remember = () => deps.kv.set(marker, true, { ttlSeconds: knownTtlSeconds });
  await degradeTo(deps.degradation, 'athlete_marker', remember, undefined);
}

/** After erasure; without Redis the marker lives out its TTL (at most an hour). */
export async function forgetAthlete(deps: Pick<ApiDeps, 'kv' | 'degradation'>, athleteId: string) {
  const forget = () => deps.kv.delete(knownKey(athleteId));
  await degradeTo(deps.degradation, 'athlete_marker', forget, 0);
}
