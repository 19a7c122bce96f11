export const userRoles = ['athlete', 'coach', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (userRoles as readonly string[]).includes(value);
}

/** What an Aria API key may do: `read` allows queries, `write` allows mutations. */
export const apiKeyScopes = ['read', 'write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** Who is calling, after identification. */
export type Identity =
  | {
      readonly kind: 'user';
      /** The TrackLit user id (JWT `sub`, or the owner of the API key). */
      readonly userId: string;
      readonly role: UserRole;
      readonly via: 'jwt' | 'api_key';
      /** JWT callers hold every scope; API keys hold what they were issued with. */
      readonly scopes: readonly ApiKeyScope[];
      /** Set for API keys, so a key can be named in logs and revoked. */
      readonly apiKeyId?: string;
    }
  | { readonly kind: 'service' };

/** A TrackLit user, identified by a JWT or by one of its Aria API keys. */
export type UserIdentity = Extract<Identity, { kind: 'user' }>;

/** The raw credentials of a request, as the transport found them. */
export interface Credentials {
  /** The token of `Authorization: Bearer <token>`. */
  readonly bearerToken?: string | undefined;
  /** The value of `X-API-Key`. */
  readonly apiKey?: string | undefined;
}

/** Stable reasons of a 401; they say what failed, never which secret was close. */
export type UnauthorizedReason =
  | 'credentials_missing'
  | 'credentials_ambiguous'
  | 'token_invalid'
  | 'token_expired'
  | 'token_revoked'
  | 'api_key_invalid'
  | 'api_key_expired'
  | 'api_key_revoked';

export interface Authenticator {
  /**
   * Resolves credentials to an Identity; `null` when none were given. Rejects with an
   * AppError('UNAUTHORIZED', …, { reason }) for credentials that are present but bad.
   */
  authenticate(credentials: Credentials, hooks?: AuthenticateHooks): Promise<Identity | null>;
}

export interface AuthenticateHooks {
  /**
   * Called once a bearer token's signature and claims check out, in the same tick as its
   * revocation reads are sent: store reads started here travel in the same Redis round trip.
   * The token may still turn out revoked, so start reads only, nothing that acts.
   */
  readonly onTokenVerified?: (identity: UserIdentity) => void;
}

/** Reads only `get`, so a transport can pass its own header lookup instead of building `Headers`. */
export function credentialsFromHeaders(headers: Pick<Headers, 'get'>): Credentials {
  const authorization = headers.get('authorization') ?? undefined;
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  return {
    bearerToken: match?.[1] ?? (authorization ? '' : undefined),
    apiKey: headers.get('x-api-key') ?? undefined,
  };
}
