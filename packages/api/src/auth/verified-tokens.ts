import type { JWTPayload } from 'jose';

export interface VerifiedTokenCacheOptions {
  /** A token is verified again at least this often (a key removed from the JWKS is then
   * refused within this bound). Default 60 s. */
  readonly ttlMs?: number;
  /** Most tokens held; the oldest go first. Default 10 000 (a few MB). */
  readonly maxEntries?: number;
}

/**
 * Claims of tokens whose signature and claims were verified recently, so a client sending the
 * same token on every call pays for one signature check a minute, not one per call. A hit
 * is still refused once past `exp` (with the verifier's tolerance) or before `nbf`; revocation
 * is never cached.
 */
export function createVerifiedTokenCache(
  clockToleranceSeconds: number,
  options: VerifiedTokenCacheOptions = {},
) {
  const ttlMs = options.ttlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { readonly payload: JWTPayload; readonly until: number }>();
  const toleranceMs = clockToleranceSeconds * 1_000;

  return {
    /** The verified claims, `'expired'` when they no longer hold, or undefined (verify it). */
    get(token: string, at: number): JWTPayload | 'expired' | undefined {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      const { exp, nbf } = entry.payload;
      if (entry.until <= at || (nbf !== undefined && nbf * 1_000 > at + toleranceMs)) {
        entries.delete(token);
        return undefined;
      }
      if (exp !== undefined && exp * 1_000 + toleranceMs <= at) {
        entries.delete(token);
        return 'expired';
      }
      return entry.payload;
    },
    set(token: string, payload: JWTPayload, at: number): void {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, { payload, until: at + ttlMs });
    },
  };
}
