import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore } from '@aria/integrations';
import {
  base64url,
  createLocalJWKSet,
  exportJWK,
  type GenerateKeyPairResult,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { signTestJwt, testClock, testConfig } from '../testing/auth.js';
import type { UnauthorizedReason } from './identity.js';
import {
  createJwtVerifier,
  type JwksKeyResolver,
  type JwtVerifier,
  type JwtVerifierOptions,
} from './jwt.js';
import { revokeToken } from './revocation.js';

const kv = createMemoryStore();
afterAll(() => kv.close());
const clock = testClock();
const now = clock.now();

function verifierFor(options: Partial<JwtVerifierOptions> = {}): JwtVerifier {
  const verify = createJwtVerifier({ config: testConfig(), kv, now: clock.now, ...options });
  if (!verify) throw new Error('expected a verifier');
  return verify;
}

async function expectRejected(promise: Promise<unknown>, reason: UnauthorizedReason) {
  await expect(promise).rejects.toMatchObject({
    name: 'AppError',
    code: 'UNAUTHORIZED',
    status: 401,
    options: { reason },
  });
}

describe('JWT verifier, HS256', () => {
  const verify = verifierFor();

  it('accepts a valid token and reads sub and role', async () => {
    const token = await signTestJwt({ sub: 'user-1', role: 'coach' }, { now });
    expect(await verify(token)).toEqual({
      kind: 'user',
      userId: 'user-1',
      role: 'coach',
      via: 'jwt',
      scopes: ['read', 'write'],
    });
  });

  it('treats a missing role as athlete and tolerates 30 s of clock skew', async () => {
    const token = await signTestJwt({ sub: 'user-2' }, { now, expiresIn: -20 });
    expect(await verify(token)).toMatchObject({ userId: 'user-2', role: 'athlete' });
  });

  it('refuses an expired token as token_expired', async () => {
    await expectRejected(
      verify(await signTestJwt({ sub: 'u' }, { now, expiresIn: -60 })),
      'token_expired',
    );
  });

  it.each([
    ['a wrong signature', () => signTestJwt({ sub: 'u' }, { now, secret: 'x'.repeat(40) })],
    ['HS512 when HS256 is pinned', () => signTestJwt({ sub: 'u' }, { now, alg: 'HS512' })],
    ['alg none', async () => unsecuredToken({ sub: 'u', exp: seconds(now) + 3600 })],
    ['a missing sub', () => signTestJwt({}, { now })],
    ['an empty sub', () => signTestJwt({ sub: '' }, { now })],
    // PostgreSQL text cannot hold NUL or half a surrogate pair: such ids answered 500.
    ['a sub with NUL', () => signTestJwt({ sub: 'user\u0000x' }, { now })],
    ['a sub with a lone surrogate', () => signTestJwt({ sub: 'user\ud800' }, { now })],
    ['a jti with NUL', () => signTestJwt({ sub: 'u', jti: 'j\u0000' }, { now })],
    ['a missing exp', () => signTestJwt({ sub: 'u' }, { now, expiresIn: null })],
    ['an unknown role', () => signTestJwt({ sub: 'u', role: 'superuser' }, { now })],
    ['a non-string jti', () => signTestJwt(numericJti, { now })],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s as token_invalid', async (_, makeToken) => {
    await expectRejected(verify(await makeToken()), 'token_invalid');
  });

  it('gives the same detail whatever part of a token was wrong', async () => {
    const details = await Promise.all(
      [
        signTestJwt({ sub: 'u' }, { now, secret: 'y'.repeat(40) }),
        signTestJwt({ sub: 'u', role: 'root' }, { now }),
        signTestJwt({ sub: 'u' }, { now, alg: 'HS384' }),
      ].map(async (token) => verify(await token).catch((error: Error) => error.message)),
    );
    expect(new Set(details).size).toBe(1);
  });

  it('accepts the jwtSecret override instead of the configured secret', async () => {
    const generated = 'generated-development-secret-of-enough-length';
    const withOverride = verifierFor({ jwtSecret: generated });
    const token = await signTestJwt({ sub: 'dev' }, { now, secret: generated });
    expect(await withOverride(token)).toMatchObject({ userId: 'dev' });
    await expectRejected(withOverride(await signTestJwt({ sub: 'dev' }, { now })), 'token_invalid');
  });
});

describe('JWT verifier, issuer and audience', () => {
  const config = testConfig({ JWT_ISSUER: 'https://tracklit.test', JWT_AUDIENCE: 'aria' });
  const verify = verifierFor({ config });

  it('accepts the configured issuer and audience', async () => {
    const token = await signTestJwt(
      { sub: 'u', iss: 'https://tracklit.test', aud: 'aria' },
      { now },
    );
    expect(await verify(token)).toMatchObject({ userId: 'u' });
  });

  it.each([
    ['a wrong issuer', { sub: 'u', iss: 'https://evil.test', aud: 'aria' }],
    ['a wrong audience', { sub: 'u', iss: 'https://tracklit.test', aud: 'other' }],
    ['no issuer or audience', { sub: 'u' }],
  ])('refuses %s as token_invalid', async (_, claims: JWTPayload) => {
    await expectRejected(verify(await signTestJwt(claims, { now })), 'token_invalid');
  });
});

describe('JWT verifier, JWKS', () => {
  const issuer = 'https://tracklit.test';
  const audience = 'aria';
  const noSecret = { JWT_SECRET: '', JWT_ISSUER: issuer, JWT_AUDIENCE: audience };

  async function es256Key(kid: string) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' };
    return { privateKey: pair.privateKey, jwk };
  }

  function signEs256(
    key: GenerateKeyPairResult['privateKey'],
    kid: string,
    claims: JWTPayload = { sub: 'jwks-user' },
  ) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(now) + 600)
      .sign(key);
  }

  it('accepts a token signed by a key of the set, refuses one signed by another key', async () => {
    const trusted = await es256Key('k1');
    const stranger = await es256Key('k1');
    const verify = verifierFor({
      config: testConfig(noSecret),
      jwksKeyResolver: createLocalJWKSet({ keys: [trusted.jwk] }),
    });
    expect(await verify(await signEs256(trusted.privateKey, 'k1'))).toMatchObject({
      userId: 'jwks-user',
      via: 'jwt',
    });
    await expectRejected(verify(await signEs256(stranger.privateKey, 'k1')), 'token_invalid');
    await expectRejected(
      verify(await signEs256(trusted.privateKey, 'unknown-kid')),
      'token_invalid',
    );
    // Without a secret, HS256 is not accepted at all.
    const hs256 = await signTestJwt({ sub: 'u', iss: issuer, aud: audience }, { now });
    await expectRejected(verify(hs256), 'token_invalid');
  });

  it("checks a repeated token's signature once a minute, its exp and revocation every time", async () => {
    const trusted = await es256Key('k1');
    const local = createLocalJWKSet({ keys: [trusted.jwk] });
    let keyLookups = 0;
    const counting: JwksKeyResolver = (header, token) => {
      keyLookups += 1;
      return local(header, token);
    };
    const own = testClock(now);
    const verify = verifierFor({
      config: testConfig(noSecret),
      jwksKeyResolver: counting,
      now: own.now,
    });
    const token = await signEs256(trusted.privateKey, 'k1', { sub: 'cached-user', jti: 'j-1' });
    await verify(token);
    await verify(token);
    expect(keyLookups).toBe(1);
    own.advance(61_000);
    await verify(token);
    expect(keyLookups).toBe(2);

    // Revocation is read on every call, cached signature or not.
    await revokeToken(
      kv,
      { userId: 'cached-user', jti: 'j-1' },
      new Date(seconds(now) * 1000 + 600_000),
      own.now(),
    );
    await expectRejected(verify(token), 'token_revoked');
    expect(keyLookups).toBe(2);

    // exp is now + 600 s, accepted up to 30 s later: checked again at 610 s, refused at 635 s.
    const expiring = await signEs256(trusted.privateKey, 'k1', { sub: 'expiring-user' });
    own.advance(610_000 - 61_000);
    await verify(expiring);
    expect(keyLookups).toBe(3);
    own.advance(25_000);
    await expectRejected(verify(expiring), 'token_expired');
    expect(keyLookups).toBe(3);
  });

  it('accepts both HS256 (secret) and the JWKS algorithms when both are configured', async () => {
    const trusted = await es256Key('k2');
    const verify = verifierFor({
      config: testConfig({ JWT_ISSUER: issuer, JWT_AUDIENCE: audience }),
      jwksKeyResolver: createLocalJWKSet({ keys: [trusted.jwk] }),
    });
    expect(await verify(await signEs256(trusted.privateKey, 'k2'))).toMatchObject({
      userId: 'jwks-user',
    });
    const hs256 = await signTestJwt({ sub: 'hs', iss: issuer, aud: audience }, { now });
    expect(await verify(hs256)).toMatchObject({ userId: 'hs' });
  });

  it('fetches the key set from JWT_JWKS_URL (a local HTTP server here)', async () => {
    const trusted = await es256Key('k3');
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [trusted.jwk] }));
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const config = testConfig({ ...noSecret, JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks` });
      const verify = verifierFor({ config });
      expect(await verify(await signEs256(trusted.privateKey, 'k3'))).toMatchObject({
        userId: 'jwks-user',
      });
    } finally {
      server.close();
    }
  });

  it('builds no verifier when neither a secret nor a JWKS is configured', () => {
    expect(createJwtVerifier({ config: testConfig({ JWT_SECRET: '' }), kv })).toBeUndefined();
  });
});

/** `jti` must be a string; JWTPayload types it so, hence the indirection. */
const numericJti: JWTPayload = Object.fromEntries([
  ['sub', 'u'],
  ['jti', 42],
]);

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `alg: none`, which jose refuses to produce for verification; built by hand. */
function unsecuredToken(claims: JWTPayload): string {
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
