import type { KeyValueStore } from '@aria/integrations';

/**
 * Bearer-token revocation, kept in the key-value store:
 * - `revokeToken` lists one token (its user and `jti`: a `jti` is unique per issuer and user
 *   only, so another user's token with the same `jti` stays valid) until the token could no longer be accepted anyway
 *   (its `exp` plus the verifier's clock tolerance), so the list cleans itself up;
 * - `revokeUserTokensBefore` sets a per-user "not before": every token of that user issued
 *   (`iat`) before it is refused, and so is a token of that user without `iat`.
 * `iat` has whole-second precision, so a token issued in the same second as the
 * revocation is refused too (safer that way; the client simply gets a new one).
 */

/** The verifier accepts tokens up to this many seconds after `exp` (jose `clockTolerance`). */
export const jwtClockToleranceSeconds = 30;

// Parts are URI-encoded, so a `:` in a user id cannot make two tokens share a key.
const part = (text: string) => encodeURIComponent(text);
export const revokedTokenKey = (userId: string, jti: string) =>
  `auth:jwt:revoked:${part(userId)}:${part(jti)}`;
export const notBeforeKey = (userId: string) => `auth:jwt:not-before:${part(userId)}`;

/** One issued token: its user (`sub`) and its `jti`. */
export interface TokenRef {
  readonly userId: string;
  readonly jti: string;
}

/** Refuses that user's token `jti` from now on; a token already past its `exp` needs no entry. */
export async function revokeToken(
  kv: KeyValueStore,
  token: TokenRef,
  expiresAt: Date,
  now: Date = new Date(),
): Promise<void> {
  const ttlSeconds =
    Math.ceil((expiresAt.getTime() - now.getTime()) / 1000) + jwtClockToleranceSeconds;
  if (ttlSeconds <= 0) return;
  await kv.set(revokedTokenKey(token.userId, token.jti), true, { ttlSeconds });
}

/**
 * Refuses every token of `userId` issued before `at`. Options: `ttlSeconds` lets the marker
 * expire once no token issued before `at` can still be valid (the longest token lifetime);
 * without it the marker is kept. A later call never moves the marker back in time: the
 * store keeps the larger value in one atomic step, so concurrent calls cannot undo each other.
 */
export async function revokeUserTokensBefore(
  kv: KeyValueStore,
  userId: string,
  at: Date,
  options: { readonly ttlSeconds?: number } = {},
): Promise<void> {
  await kv.setMax(
    notBeforeKey(userId),
    Math.ceil(at.getTime() / 1000),
    options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds },
  );
}

/** Whether a verified token must still be refused (by its `jti`, or by its user's not-before). */
export async function isTokenRevoked(
  kv: KeyValueStore,
  token: { readonly userId: string; readonly jti?: string | undefined; readonly iat?: number },
): Promise<boolean> {
  const [jtiRevoked, notBefore] = await Promise.all([
    token.jti === undefined ? null : kv.get<boolean>(revokedTokenKey(token.userId, token.jti)),
    readNotBefore(kv, token.userId),
  ]);
  if (jtiRevoked) return true;
  if (notBefore === undefined) return false;
  return token.iat === undefined || token.iat < notBefore;
}

/** The user's not-before, in Unix seconds. */
async function readNotBefore(kv: KeyValueStore, userId: string): Promise<number | undefined> {
  const value = await kv.get<number>(notBeforeKey(userId));
  return typeof value === 'number' ? value : undefined;
}
