import { kvTestSuite, kvTestTargets } from '@aria/integrations/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signTestJwt, testClock, testConfig } from '../testing/auth.js';
import { createJwtVerifier, type JwtVerifier } from './jwt.js';
import { revokeToken, revokeUserTokensBefore } from './revocation.js';

// Revocation lives in the key-value store: run it on the in-process store and on the real
// redis-server (through the Upstash REST bridge).
describe.each(kvTestTargets())('JWT revocation: $name', (target) => {
  const suite = kvTestSuite(target);
  beforeAll(suite.setup);
  beforeEach(suite.guard);
  afterAll(suite.teardown);
  const kv = () => suite.current().store;

  const clock = testClock();
  const now = clock.now();
  const verifier = (): JwtVerifier => {
    const verify = createJwtVerifier({ config: testConfig(), kv: kv(), now: clock.now });
    if (!verify) throw new Error('expected a verifier');
    return verify;
  };
  const revokedReason = { code: 'UNAUTHORIZED', options: { reason: 'token_revoked' } };

  it('refuses a revoked jti and keeps the entry only until exp plus the clock tolerance', async () => {
    const verify = verifier();
    const revoked = await signTestJwt({ sub: 'user-r1', jti: 'jti-revoked' }, { now });
    const other = await signTestJwt({ sub: 'user-r1', jti: 'jti-other' }, { now });
    expect(await verify(revoked)).toMatchObject({ userId: 'user-r1' });

    await revokeToken(kv(), 'jti-revoked', new Date(now.getTime() + 3600_000), now);
    await expect(verify(revoked)).rejects.toMatchObject(revokedReason);
    expect(await verify(other)).toMatchObject({ userId: 'user-r1' });

    const { redis, prefix } = suite.current();
    if (redis) {
      const ttl = await redis.ttl(`${prefix}auth:jwt:revoked:jti-revoked`);
      expect(ttl).toBeGreaterThan(3600);
      expect(ttl).toBeLessThanOrEqual(3630);
    }
  });

  it('writes nothing for a token that is already past exp and tolerance', async () => {
    await revokeToken(kv(), 'jti-old', new Date(now.getTime() - 60_000), now);
    expect(await kv().get('auth:jwt:revoked:jti-old')).toBeNull();
  });

  it("refuses a user's tokens issued before the not-before, and tokens without iat", async () => {
    const verify = verifier();
    const before = await signTestJwt({ sub: 'user-r2' }, { now, issuedAtOffset: -10 });
    const noIat = await signTestJwt({ sub: 'user-r2' }, { now, issuedAtOffset: null });
    const after = await signTestJwt({ sub: 'user-r2' }, { now, issuedAtOffset: 5 });
    const otherUser = await signTestJwt({ sub: 'user-r3' }, { now, issuedAtOffset: -10 });
    expect(await verify(noIat)).toMatchObject({ userId: 'user-r2' });

    await revokeUserTokensBefore(kv(), 'user-r2', new Date(now.getTime() - 1000));
    await expect(verify(before)).rejects.toMatchObject(revokedReason);
    await expect(verify(noIat)).rejects.toMatchObject(revokedReason);
    expect(await verify(after)).toMatchObject({ userId: 'user-r2' });
    expect(await verify(otherUser)).toMatchObject({ userId: 'user-r3' });

    // An earlier not-before never re-admits tokens.
    await revokeUserTokensBefore(kv(), 'user-r2', new Date(now.getTime() - 3600_000));
    await expect(verify(before)).rejects.toMatchObject(revokedReason);
  });
});
