import type { Config } from '@aria/config';
import type { KeyValueStore } from '@aria/integrations';
import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from 'jose';
import { type Degradation, degradeTo } from '../resilience/degradation.js';
import { isStorableText } from '../schemas/primitives.js';
import { apiKeyScopes, isUserRole, type UserIdentity } from './identity.js';
import { isTokenRevoked, jwtClockToleranceSeconds } from './revocation.js';
import { unauthorized } from './unauthorized.js';
import { createVerifiedTokenCache } from './verified-tokens.js';

/** Resolves the verification key of a token from its header (a JWKS, remote or local). */
export type JwksKeyResolver = JWTVerifyGetKey;

/** Signatures accepted from a JWKS; HS256 is accepted only with the shared secret. */
export const jwksAlgorithms = ['EdDSA', 'ES256', 'RS256'] as const;

export interface JwtVerifierOptions {
  readonly config: Pick<Config, 'auth'>;
  readonly kv: KeyValueStore;
  /** Overrides `config.auth.jwtSecret` (development passes a generated secret). */
  readonly jwtSecret?: string | undefined;
  /** Overrides the remote JWKS of `config.auth.jwksUrl` (tests use `createLocalJWKSet`). */
  readonly jwksKeyResolver?: JwksKeyResolver | undefined;
  /** The verifier's clock (`deps.now`); defaults to the system clock. */
  readonly now?: () => Date;
  /** Told when the revocation lookup cannot reach the store (the token is then accepted). */
  readonly degradation?: Degradation | undefined;
}

/** Verifies a bearer token; rejects with a 401 AppError whose reason says what failed. */
export type JwtVerifier = (
  token: string,
  onVerified?: (identity: UserIdentity) => void,
) => Promise<UserIdentity>;

/** A `sub` longer than this is refused (ids are TrackLit user ids). */
const maxSubjectLength = 255;

/**
 * Builds the verifier, or `undefined` when neither a secret nor a JWKS is configured (the
 * authenticator then refuses every bearer token as `token_invalid`). With both, HS256
 * tokens are checked against the secret and the JWKS algorithms against the key set.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier | undefined {
  const keys = verificationKeys(options);
  if (!keys) return undefined;
  const { issuer, audience } = options.config.auth;
  const baseOptions: JWTVerifyOptions = {
    algorithms: keys.algorithms,
    clockTolerance: jwtClockToleranceSeconds,
    requiredClaims: ['sub', 'exp'],
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
  };
  const now = options.now;
  const verified = createVerifiedTokenCache(jwtClockToleranceSeconds);

  return async (token, onVerified) => {
    const at = now ? now() : new Date();
    const cached = verified.get(token, at.getTime());
    if (cached === 'expired') throw unauthorized('token_expired');
    let payload: JWTPayload;
    if (cached) {
      payload = cached;
    } else {
      try {
        ({ payload } = await jwtVerify(token, keys.key, { ...baseOptions, currentDate: at }));
      } catch (error) {
        throw unauthorized(
          joseErrorCode(error) === 'ERR_JWT_EXPIRED' ? 'token_expired' : 'token_invalid',
        );
      }
    }
    const identity = identityFromClaims(payload);
    const jti = payload.jti;
    if (jti !== undefined && (typeof jti !== 'string' || !isStorableText(jti))) {
      throw unauthorized('token_invalid');
    }
    if (!cached) verified.set(token, payload, at.getTime());
    onVerified?.(identity);
    // Fails open: without Redis a verified, unexpired token is accepted (docs/security.md).
    const revoked = await degradeTo(
      options.degradation,
      'token_revocation',
      () =>
        isTokenRevoked(options.kv, {
          userId: identity.userId,
          jti,
          ...(payload.iat === undefined ? {} : { iat: payload.iat }),
        }),
      false,
    );
    if (revoked) throw unauthorized('token_revoked');
    return identity;
  };
}

interface VerificationKeys {
  readonly key: Uint8Array | JwksKeyResolver;
  readonly algorithms: string[];
}

function verificationKeys(options: JwtVerifierOptions): VerificationKeys | undefined {
  const secretText = options.jwtSecret ?? options.config.auth.jwtSecret;
  const secret = secretText ? new TextEncoder().encode(secretText) : undefined;
  const jwksUrl = options.config.auth.jwksUrl;
  const jwks =
    options.jwksKeyResolver ?? (jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : undefined);

  if (secret && jwks) {
    const key: JwksKeyResolver = (header, token) =>
      header.alg === 'HS256' ? secret : jwks(header, token);
    return { key, algorithms: ['HS256', ...jwksAlgorithms] };
  }
  if (secret) return { key: secret, algorithms: ['HS256'] };
  if (jwks) return { key: jwks, algorithms: [...jwksAlgorithms] };
  return undefined;
}

/** The identity a verified claims set names; a bad `sub` or `role` is `token_invalid`. */
function identityFromClaims(payload: JWTPayload): UserIdentity {
  const { sub } = payload;
  if (
    typeof sub !== 'string' ||
    sub.length === 0 ||
    sub.length > maxSubjectLength ||
    !isStorableText(sub)
  ) {
    throw unauthorized('token_invalid');
  }
  const role = payload.role ?? 'athlete';
  if (!isUserRole(role)) throw unauthorized('token_invalid');
  return { kind: 'user', userId: sub, role, via: 'jwt', scopes: apiKeyScopes };
}

function joseErrorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
