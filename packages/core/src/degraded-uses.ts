/**
 * Where Aria keeps working without Redis, and says so. Each use has its own policy
 * (docs/security.md, "Redis outage"):
 * - `rate_limit`: the call is let through (fail open);
 * - `cache`: the knowledge library is read from PostgreSQL;
 * - `cache_invalidation`: an admin write is kept; readers may see the old article until the
 *   cache entry's TTL ends;
 * - `token_revocation`: a verified JWT is accepted without the revocation lookup (fail open);
 * - `api_key_last_used`: `lastUsedAt` is not updated;
 * - `athlete_marker`: athletes are provisioned by an idempotent insert on every call, and an
 *   erased athlete's marker lives out its TTL.
 * Every such step is reported here; the server logs a warning and counts it.
 */
export const degradedUses = [
  'rate_limit',
  'cache',
  'cache_invalidation',
  'token_revocation',
  'api_key_last_used',
  'athlete_marker',
] as const;
export type DegradedUse = (typeof degradedUses)[number];
