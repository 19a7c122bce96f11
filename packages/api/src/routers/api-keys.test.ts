import { provisionAthlete } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { createBuiltinProvider, createMemoryStore } from '@aria/integrations';
import { afterAll, expect, it } from 'vitest';
import { createAuthenticator } from '../auth/authenticator.js';
import type { Credentials } from '../auth/identity.js';
import type { ApiDeps } from '../context.js';
import { signTestJwt, testClock, testConfig, testInternalApiKey } from '../testing/auth.js';
import { recordingLogger } from '../testing/recording-logger.js';
import { createCallerFactory } from '../trpc.js';
import { apiKeysRouter } from './api-keys.js';

const createCaller = createCallerFactory(apiKeysRouter);

describeEachDriver('apiKeys router', (suite) => {
  const kv = createMemoryStore();
  afterAll(() => kv.close());
  const clock = testClock();
  const config = testConfig();

  const deps = (): ApiDeps => ({
    config,
    db: suite.db,
    kv,
    authenticator: createAuthenticator({ config, db: suite.db, kv, now: clock.now }),
    // Metering is not part of this router; a limiter that always allows.
    rateLimiter: {
      limit: async () => ({ success: true, limit: 1, remaining: 1, reset: 0 }),
      limitEach: async () => ({ success: true, limit: 1, remaining: 1, reset: 0 }),
      reset: async () => {},
    },
    ai: createBuiltinProvider(),
    now: clock.now,
  });
  const caller = (credentials: Credentials) =>
    createCaller({
      requestId: 'test',
      deps: deps(),
      credentials,
      resHeaders: new Headers(),
      logger: recordingLogger(),
    });
  const asUser = async (sub: string, role = 'athlete') =>
    caller({ bearerToken: await signTestJwt({ sub, role }, { now: clock.now() }) });
  const asService = () => caller({ apiKey: testInternalApiKey });
  const failure = (code: string) => ({ name: 'TRPCError', code });

  it('lets an athlete create, list and revoke its own keys; the key is shown once', async () => {
    const athlete = await asUser('router-athlete-1');
    const created = await athlete.create({ name: '  CI runner  ' });
    expect(created).toMatchObject({
      name: 'CI runner',
      scopes: ['read', 'write'],
      expiresAt: null,
    });
    expect(created.key).toMatch(/^aria_sk_/);
    expect(created.start).toBe(created.key.slice(0, 12));
    expect(Object.keys(created).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'key', 'name', 'scopes', 'start'].sort(),
    );

    const listed = await athlete.list();
    expect(listed.map((key) => key.id)).toEqual([created.id]);
    expect(listed[0]).not.toHaveProperty('key');
    expect(listed[0]).not.toHaveProperty('keyHash');
    expect(JSON.stringify(listed)).not.toContain(created.key);

    // The key works, and may read, but may not manage keys.
    const withKey = caller({ apiKey: created.key });
    await expect(withKey.list()).rejects.toMatchObject(failure('FORBIDDEN'));
    await expect(withKey.create({ name: 'minted' })).rejects.toMatchObject(failure('FORBIDDEN'));
    await expect(withKey.revoke({ id: created.id })).rejects.toMatchObject(failure('FORBIDDEN'));

    const revoked = await athlete.revoke({ id: created.id });
    expect(revoked.revokedAt).toEqual(clock.now());
    await expect(withKey.list()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { options: { reason: 'api_key_revoked' } },
    });
  });

  it("answers NOT_FOUND for another athlete's key and FORBIDDEN for its ownerId", async () => {
    const owner = await asUser('router-athlete-2');
    const other = await asUser('router-athlete-3');
    const created = await owner.create({ name: 'mine', scopes: ['read'] });
    await expect(other.revoke({ id: created.id })).rejects.toMatchObject(failure('NOT_FOUND'));
    await expect(
      other.revoke({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject(failure('NOT_FOUND'));
    await expect(other.list({ ownerId: 'router-athlete-2' })).rejects.toMatchObject(
      failure('FORBIDDEN'),
    );
    expect(await other.list()).toEqual([]);
    expect((await owner.list()).map((key) => key.revokedAt)).toEqual([null]);
  });

  it('lets admin and service manage any athlete by ownerId', async () => {
    await provisionAthlete(suite.db, { id: 'router-athlete-4' });
    const service = asService();
    const admin = await asUser('router-admin', 'admin');
    const created = await service.create({ name: 'partner', ownerId: 'router-athlete-4' });
    expect((await admin.list({ ownerId: 'router-athlete-4' })).map((key) => key.id)).toEqual([
      created.id,
    ]);
    await admin.revoke({ id: created.id, ownerId: 'router-athlete-4' });
    await expect(admin.list()).rejects.toMatchObject(failure('BAD_REQUEST'));
    await expect(service.create({ name: 'x', ownerId: 'no-such-athlete' })).rejects.toMatchObject(
      failure('NOT_FOUND'),
    );
  });

  it('refuses coaches, anonymous callers and bad input', async () => {
    const coach = await asUser('router-coach', 'coach');
    await expect(coach.list()).rejects.toMatchObject(failure('FORBIDDEN'));
    await expect(caller({}).list()).rejects.toMatchObject(failure('UNAUTHORIZED'));

    const athlete = await asUser('router-athlete-5');
    const past = new Date(clock.now().getTime() - 1000);
    for (const input of [
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'k', scopes: [] },
      { name: 'k', expiresAt: past },
    ]) {
      await expect(athlete.create(input)).rejects.toMatchObject(failure('BAD_REQUEST'));
    }
    await expect(athlete.revoke({ id: 'not-a-uuid' })).rejects.toMatchObject(
      failure('BAD_REQUEST'),
    );

    const future = new Date(clock.now().getTime() + 86_400_000);
    const expiring = await athlete.create({ name: 'k', scopes: ['read'], expiresAt: future });
    expect(expiring).toMatchObject({ scopes: ['read'], expiresAt: future });
  });
});
