import type { ApiDeps } from '../context.js';
import { isAriaApiKey, verifyApiKey } from './api-keys.js';
import type { AuthenticateHooks, Authenticator, Credentials, Identity } from './identity.js';
import { createInternalKeyMatcher } from './internal-key.js';
import { createJwtVerifier, type JwksKeyResolver } from './jwt.js';
import { unauthorized } from './unauthorized.js';

export interface AuthenticatorOptions
  extends Pick<ApiDeps, 'config' | 'db' | 'kv' | 'now' | 'degradation'> {
  /** Overrides `config.auth.jwtSecret` (development passes a generated secret). */
  readonly jwtSecret?: string | undefined;
  /** Overrides the remote JWKS of `config.auth.jwksUrl` (tests use `createLocalJWKSet`). */
  readonly jwksKeyResolver?: JwksKeyResolver | undefined;
}

/**
 * Credentials → Identity:
 * - `Authorization: Bearer <JWT>` → the TrackLit user (see jwt.ts); an empty or non-Bearer
 *   Authorization is `token_invalid`, and so is every bearer token when neither a JWT
 *   secret nor a JWKS is configured;
 * - `X-API-Key: <INTERNAL_API_KEY>` → `{ kind: 'service' }`;
 * - `X-API-Key: aria_sk_…` → the key's owner (see api-keys.ts);
 * - any other X-API-Key → `api_key_invalid`; both headers at once → `credentials_ambiguous`;
 * - neither → `null` (the identify middleware decides whether that is allowed).
 */
export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const verifyJwt = createJwtVerifier({
    config: options.config,
    kv: options.kv,
    jwtSecret: options.jwtSecret,
    jwksKeyResolver: options.jwksKeyResolver,
    now: options.now,
    degradation: options.degradation,
  });
  const isInternalKey = createInternalKeyMatcher(options.config.auth.internalApiKey);

  return {
    async authenticate(
      { bearerToken, apiKey }: Credentials,
      hooks?: AuthenticateHooks,
    ): Promise<Identity | null> {
      if (bearerToken !== undefined && apiKey !== undefined) {
        throw unauthorized('credentials_ambiguous');
      }
      if (bearerToken !== undefined) {
        if (bearerToken === '' || !verifyJwt) throw unauthorized('token_invalid');
        return verifyJwt(bearerToken, hooks?.onTokenVerified);
      }
      if (apiKey !== undefined) {
        // The internal key is compared first (in constant time) whatever it looks like.
        if (isInternalKey(apiKey)) return { kind: 'service' };
        if (isAriaApiKey(apiKey)) return verifyApiKey(options, apiKey);
        throw unauthorized('api_key_invalid');
      }
      return null;
    },
  };
}
