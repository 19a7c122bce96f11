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
  known: Promise<boolean> = isKnownAthlete(deps, athleteId),
) {
  if (await known) return;
  await provisionAthlete(deps.db, { id: athleteId });
  const remember = () => deps.kv.set(knownKey(athleteId), true, { ttlSeconds: knownTtlSeconds });
  await degradeTo(deps.degradation, 'athlete_marker', remember, undefined);
}

/**
 * Whether the store holds the athlete's marker; never rejects (false without Redis). Start it
 * early to share a round trip with other reads (see `onTokenVerified`).
 */
export async function isKnownAthlete(
  deps: Pick<ApiDeps, 'kv' | 'degradation'>,
  athleteId: string,
): Promise<boolean> {
  const marker = await degradeTo(
    deps.degradation,
    'athlete_marker',
    () => deps.kv.get(knownKey(athleteId)),
    null,
  );
  return Boolean(marker);
}

/** After erasure; without Redis the marker lives out its TTL (at most an hour). */
export async function forgetAthlete(deps: Pick<ApiDeps, 'kv' | 'degradation'>, athleteId: string) {
  const forget = () => deps.kv.delete(knownKey(athleteId));
  await degradeTo(deps.degradation, 'athlete_marker', forget, 0);
}
