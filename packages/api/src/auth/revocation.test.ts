import { kvTestSuite, kvTestTargets } from '@aria/integrations/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signTestJwt, testClock, testConfig } from '../testing/auth.js';
import { createJwtVerifier, type JwtVerifier } from './jwt.js';
import {
  notBeforeKey,
  revokedTokenKey,
  revokeToken,
  revokeUserTokensBefore,
} from './revocation.js';

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

    await revokeToken(
      kv(),
      { userId: 'user-r1', jti: 'jti-revoked' },
      new Date(now.getTime() + 3600_000),
      now,
    );
    await expect(verify(revoked)).rejects.toMatchObject(revokedReason);
    expect(await verify(other)).toMatchObject({ userId: 'user-r1' });

    const { redis, prefix } = suite.current();
    if (redis) {
      const ttl = await redis.ttl(`${prefix}${revokedTokenKey('user-r1', 'jti-revoked')}`);
      expect(ttl).toBeGreaterThan(3600);
      expect(ttl).toBeLessThanOrEqual(3630);
    }
  });

  it('writes nothing for a token that is already past exp and tolerance', async () => {
    await revokeToken(kv(), { userId: 'u', jti: 'jti-old' }, new Date(now.getTime() - 60_000), now);
    expect(await kv().get(revokedTokenKey('u', 'jti-old'))).toBeNull();
  });

  it("revoking one user's jti leaves another user's token with the same jti valid", async () => {
    const verify = verifier();
    const mine = await signTestJwt({ sub: 'user-a', jti: 'shared-jti' }, { now });
    const theirs = await signTestJwt({ sub: 'user-b', jti: 'shared-jti' }, { now });
    // Ids holding the separator must not collide either: "x:y" + "z" vs "x" + "y:z".
    const colonA = await signTestJwt({ sub: 'x:y', jti: 'z' }, { now });
    const colonB = await signTestJwt({ sub: 'x', jti: 'y:z' }, { now });
    const later = new Date(now.getTime() + 3600_000);
    await revokeToken(kv(), { userId: 'user-a', jti: 'shared-jti' }, later, now);
    await revokeToken(kv(), { userId: 'x:y', jti: 'z' }, later, now);
    await expect(verify(mine)).rejects.toMatchObject(revokedReason);
    expect(await verify(theirs)).toMatchObject({ userId: 'user-b' });
    await expect(verify(colonA)).rejects.toMatchObject(revokedReason);
    expect(await verify(colonB)).toMatchObject({ userId: 'x' });
  });

  it('concurrent not-before updates keep the latest, whatever order they land in', async () => {
    const verify = verifier();
    const base = now.getTime();
    const instants = Array.from({ length: 40 }, (_, i) => new Date(base - 60_000 + i * 1_000));
    await Promise.all(
      [...instants].reverse().map((at) => revokeUserTokensBefore(kv(), 'user-race', at)),
    );
    expect(await kv().get(notBeforeKey('user-race'))).toBe(Math.ceil((base - 21_000) / 1000));
    const stale = await signTestJwt({ sub: 'user-race' }, { now, issuedAtOffset: -25 });
    await expect(verify(stale)).rejects.toMatchObject(revokedReason);
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
