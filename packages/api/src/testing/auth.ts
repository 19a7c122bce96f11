import { type Config, loadConfig } from '@aria/config';
import { type JWTPayload, SignJWT } from 'jose';

/** Shared by the auth and api-keys tests; not used by production code. */
export const testJwtSecret = 'test-jwt-secret-that-is-at-least-32-bytes-long';
export const testInternalApiKey = 'internal-api-key-for-tests-0123456789abcdef';

export function testConfig(env: Readonly<Record<string, string>> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: testJwtSecret,
    INTERNAL_API_KEY: testInternalApiKey,
    ...env,
  });
}

/** A clock tests can move; pass `clock.now` as `deps.now`. */
export function testClock(start = new Date('2026-06-01T12:00:00Z')) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

export interface SignOptions {
  readonly now: Date;
  /** Seconds from `now` to `exp`; `null` leaves `exp` out. Default one hour. */
  readonly expiresIn?: number | null;
  /** Seconds from `now` to `iat` (negative: in the past); `null` leaves `iat` out. Default 0. */
  readonly issuedAtOffset?: number | null;
  readonly secret?: string;
  readonly alg?: 'HS256' | 'HS384' | 'HS512';
}

/** An HMAC-signed JWT; `claims` are set as given (so `sub` may be left out). */
export async function signTestJwt(claims: JWTPayload, options: SignOptions): Promise<string> {
  const seconds = Math.floor(options.now.getTime() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256' });
  const iatOffset = options.issuedAtOffset === undefined ? 0 : options.issuedAtOffset;
  if (iatOffset !== null) jwt.setIssuedAt(seconds + iatOffset);
  const expiresIn = options.expiresIn === undefined ? 3600 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(seconds + expiresIn);
  return jwt.sign(new TextEncoder().encode(options.secret ?? testJwtSecret));
}
