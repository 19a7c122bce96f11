import { describeOnDriver } from '@aria/db/testing';
import { createMemoryStore } from '@aria/integrations';
import { afterAll, expect, it } from 'vitest';
import { signTestJwt, testClock, testConfig, testInternalApiKey } from '../testing/auth.js';
import { createAuthenticator } from './authenticator.js';
import { type Credentials, credentialsFromHeaders } from './identity.js';

// The database is only reached for aria_sk_ keys (covered in api-keys.test.ts on both
// drivers); these cases run on in-memory PGlite.
describeOnDriver('pglite', 'authenticator', (suite) => {
  const kv = createMemoryStore();
  afterAll(() => kv.close());
  const clock = testClock();
  const authenticate = (credentials: Credentials, env: Record<string, string> = {}) =>
    createAuthenticator({
      config: testConfig(env),
      db: suite.db,
      kv,
      now: clock.now,
    }).authenticate(credentials);
  const rejection = (reason: string) => ({ code: 'UNAUTHORIZED', options: { reason } });

  it('answers null without credentials', async () => {
    expect(await authenticate({})).toBeNull();
    expect(await authenticate(credentialsFromHeaders(new Headers()))).toBeNull();
  });

  it('maps the internal key to the service identity', async () => {
    expect(await authenticate({ apiKey: testInternalApiKey })).toEqual({ kind: 'service' });
    const headers = new Headers({ 'X-API-Key': testInternalApiKey });
    expect(await authenticate(credentialsFromHeaders(headers))).toEqual({ kind: 'service' });
  });

  it('refuses a near-miss of the internal key (same length, one character off)', async () => {
    const last = testInternalApiKey.at(-1) === 'x' ? 'y' : 'x';
    const nearMiss = testInternalApiKey.slice(0, -1) + last;
    expect(nearMiss).toHaveLength(testInternalApiKey.length);
    await expect(authenticate({ apiKey: nearMiss })).rejects.toMatchObject(
      rejection('api_key_invalid'),
    );
    await expect(authenticate({ apiKey: `${testInternalApiKey} ` })).rejects.toMatchObject(
      rejection('api_key_invalid'),
    );
  });

  it('refuses any other X-API-Key, and every one when no internal key is configured', async () => {
    for (const apiKey of ['', 'sk_live_123', 'aria_sk_']) {
      await expect(authenticate({ apiKey })).rejects.toMatchObject(rejection('api_key_invalid'));
    }
    await expect(
      authenticate({ apiKey: testInternalApiKey }, { INTERNAL_API_KEY: '' }),
    ).rejects.toMatchObject(rejection('api_key_invalid'));
  });

  it('refuses both Authorization and X-API-Key as credentials_ambiguous', async () => {
    const token = await signTestJwt({ sub: 'u' }, { now: clock.now() });
    await expect(
      authenticate({ bearerToken: token, apiKey: testInternalApiKey }),
    ).rejects.toMatchObject(rejection('credentials_ambiguous'));
    const headers = new Headers({ Authorization: 'Basic abc', 'X-API-Key': testInternalApiKey });
    await expect(authenticate(credentialsFromHeaders(headers))).rejects.toMatchObject(
      rejection('credentials_ambiguous'),
    );
  });

  it('verifies a bearer JWT; an empty or non-Bearer Authorization is token_invalid', async () => {
    const token = await signTestJwt({ sub: 'user-a', role: 'admin' }, { now: clock.now() });
    const headers = new Headers({ Authorization: `Bearer ${token}` });
    expect(await authenticate(credentialsFromHeaders(headers))).toMatchObject({
      kind: 'user',
      userId: 'user-a',
      role: 'admin',
      via: 'jwt',
    });
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b']) {
      const bad = credentialsFromHeaders(new Headers({ Authorization: authorization }));
      await expect(authenticate(bad)).rejects.toMatchObject(rejection('token_invalid'));
    }
  });

  it('refuses every bearer token when neither a JWT secret nor a JWKS is configured', async () => {
    const token = await signTestJwt({ sub: 'u' }, { now: clock.now() });
    await expect(authenticate({ bearerToken: token }, { JWT_SECRET: '' })).rejects.toMatchObject(
      rejection('token_invalid'),
    );
  });
});
