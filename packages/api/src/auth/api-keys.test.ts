import { athletes, findApiKeyByHash, listApiKeys, revokeApiKey } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { createMemoryStore } from '@aria/integrations';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testConfig } from '../testing/auth.js';
import {
  apiKeyStartLength,
  generateApiKey,
  hashApiKey,
  issueApiKey,
  lastUsedMarkerKey,
} from './api-keys.js';
import { createAuthenticator } from './authenticator.js';

describe('generateApiKey', () => {
  it('makes aria_sk_ + base58 of 32 random bytes, with its sha256 hex and display start', () => {
    const generated = generateApiKey();
    expect(generated.key).toMatch(/^aria_sk_[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(generated.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(generated.keyHash).toBe(hashApiKey(generated.key));
    expect(generated.start).toBe(generated.key.slice(0, apiKeyStartLength));
    expect(generated.start).toHaveLength(12);
    expect(generateApiKey().key).not.toBe(generated.key);
  });
});

describeEachDriver('Aria API keys', (suite) => {
  const kv = createMemoryStore();
  afterAll(() => kv.close());
  const clock = testClock();
  const authenticator = () =>
    createAuthenticator({ config: testConfig(), db: suite.db, kv, now: clock.now });
  const deps = () => ({ db: suite.db, now: clock.now });
  const owner = 'athlete-keys';
  const rejection = (reason: string) => ({ code: 'UNAUTHORIZED', options: { reason } });

  beforeEach(async () => {
    await suite.db.insert(athletes).values({ id: owner }).onConflictDoNothing();
  });

  it('create → authenticate → list without the secret → revoke → api_key_revoked', async () => {
    const issued = await issueApiKey(deps(), { ownerId: owner, name: 'ci', scopes: ['read'] });
    const identity = await authenticator().authenticate({ apiKey: issued.key });
    expect(identity).toEqual({
      kind: 'user',
      userId: owner,
      role: 'athlete',
      via: 'api_key',
      scopes: ['read'],
      apiKeyId: issued.id,
    });

    const stored = await findApiKeyByHash(suite.db, hashApiKey(issued.key));
    expect(stored?.id).toBe(issued.id);
    expect(JSON.stringify(stored)).not.toContain(issued.key);

    const listed = await listApiKeys(suite.db, owner);
    const entry = listed.find((key) => key.id === issued.id);
    expect(entry).toMatchObject({ name: 'ci', start: issued.key.slice(0, 12) });
    expect(entry).not.toHaveProperty('keyHash');
    expect(JSON.stringify(listed)).not.toContain(issued.key);

    await revokeApiKey(suite.db, { id: issued.id, ownerId: owner, at: clock.now() });
    await expect(authenticator().authenticate({ apiKey: issued.key })).rejects.toMatchObject(
      rejection('api_key_revoked'),
    );
  });

  it('defaults to read and write scopes', async () => {
    const issued = await issueApiKey(deps(), { ownerId: owner, name: 'default' });
    expect(issued.scopes).toEqual(['read', 'write']);
    expect(await authenticator().authenticate({ apiKey: issued.key })).toMatchObject({
      scopes: ['read', 'write'],
    });
  });

  it('refuses an expired key as api_key_expired', async () => {
    const expiresAt = new Date(clock.now().getTime() + 3600_000);
    const issued = await issueApiKey(deps(), { ownerId: owner, name: 'short', expiresAt });
    expect(await authenticator().authenticate({ apiKey: issued.key })).toMatchObject({
      apiKeyId: issued.id,
    });
    clock.advance(3600_000);
    await expect(authenticator().authenticate({ apiKey: issued.key })).rejects.toMatchObject(
      rejection('api_key_expired'),
    );
  });

  it.each([
    ['unknown', () => generateApiKey().key],
    ['too short', () => 'aria_sk_abc'],
    ['outside the base58 alphabet', () => `aria_sk_${'0'.repeat(44)}`],
    ['too long', () => `aria_sk_${'a'.repeat(200)}`],
  ])('refuses an %s key as api_key_invalid', async (_, key) => {
    await expect(authenticator().authenticate({ apiKey: key() })).rejects.toMatchObject(
      rejection('api_key_invalid'),
    );
  });

  it('writes lastUsedAt once per key per window, gated by a marker in the store', async () => {
    const issued = await issueApiKey(deps(), { ownerId: owner, name: 'busy' });
    const lastUsed = async () =>
      (await findApiKeyByHash(suite.db, hashApiKey(issued.key)))?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    expect(await kv.get(lastUsedMarkerKey(issued.id))).toBeNull();

    const firstUse = clock.now();
    await authenticator().authenticate({ apiKey: issued.key });
    expect(await lastUsed()).toEqual(firstUse);
    expect(await kv.get(lastUsedMarkerKey(issued.id))).toBe(1);

    clock.advance(60_000);
    await authenticator().authenticate({ apiKey: issued.key });
    expect(await lastUsed()).toEqual(firstUse);
    expect(await kv.get(lastUsedMarkerKey(issued.id))).toBe(2);

    // When the marker's TTL runs out, the next use writes again.
    await kv.delete(lastUsedMarkerKey(issued.id));
    await authenticator().authenticate({ apiKey: issued.key });
    expect(await lastUsed()).toEqual(clock.now());
  });
});
