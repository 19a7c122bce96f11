import type { ApiDeps } from '../context.js';
import type { Credentials, Identity } from './identity.js';
import { ensureAthlete, isKnownAthlete } from './provision.js';
import { unauthorized } from './unauthorized.js';

/** Who sent a request, resolved on first use and shared by every call the request carries. */
export type RequestIdentity = () => Promise<Identity | null>;

/**
 * Authenticates `credentials` once (and provisions a first-time athlete once), however many
 * calls read it: a tRPC batch of ten calls costs one token check or API-key lookup, and a bad
 * credential refuses all ten with the same 401. `null` when no credentials were sent.
 */
export function identifyOnce(
  deps: Pick<ApiDeps, 'authenticator' | 'db' | 'kv'>,
  credentials: Credentials,
): RequestIdentity {
  let identity: Promise<Identity | null> | undefined;
  return () => {
    identity ??= resolveIdentity(deps, credentials);
    return identity;
  };
}

async function resolveIdentity(
  deps: Pick<ApiDeps, 'authenticator' | 'db' | 'kv'>,
  credentials: Credentials,
): Promise<Identity | null> {
  // The athlete's marker is read alongside the token's revocation entries: one round trip.
  let known: Promise<boolean> | undefined;
  const identity = await deps.authenticator.authenticate(credentials, {
    onTokenVerified: (verified) => {
      if (verified.role === 'athlete') known = isKnownAthlete(deps, verified.userId);
    },
  });
  if (identity?.kind === 'user' && identity.role === 'athlete') {
    await ensureAthlete(deps, identity.userId, known);
  }
  return identity;
}

/** The caller, or the 401 of a request without credentials. */
export async function requireCaller(identify: RequestIdentity): Promise<Identity> {
  const identity = await identify();
  if (!identity) throw unauthorized('credentials_missing');
  return identity;
}
