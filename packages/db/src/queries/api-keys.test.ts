import { expect, it } from 'vitest';
import { isForeignKeyViolation } from '../errors.js';
import { athletes } from '../schema/index.js';
import { describeEachDriver } from '../testing/index.js';
import {
  findApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKeyLastUsed,
} from './api-keys.js';

const hashOf = (n: number) => n.toString(16).padStart(64, '0');

describeEachDriver('api key queries', (suite) => {
  it('stores, finds by hash, lists without the hash, revokes once and per owner', async () => {
    const { db } = suite;
    await db.insert(athletes).values([{ id: 'owner-a' }, { id: 'owner-b' }]);
    const first = await insertApiKey(db, {
      keyHash: hashOf(1),
      start: 'aria_sk_AAAA',
      name: 'first',
      ownerId: 'owner-a',
      scopes: ['read'],
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    await insertApiKey(db, {
      keyHash: hashOf(2),
      start: 'aria_sk_BBBB',
      name: 'second',
      ownerId: 'owner-a',
      scopes: ['read', 'write'],
      createdAt: new Date('2026-01-02T00:00:00Z'),
    });
    expect(first).not.toHaveProperty('keyHash');
    expect(first).toMatchObject({ name: 'first', scopes: ['read'], revokedAt: null });

    expect((await findApiKeyByHash(db, hashOf(1)))?.id).toBe(first.id);
    expect(await findApiKeyByHash(db, hashOf(3))).toBeUndefined();

    const listed = await listApiKeys(db, 'owner-a');
    expect(listed.map((key) => key.name)).toEqual(['second', 'first']);
    for (const key of listed) expect(key).not.toHaveProperty('keyHash');
    expect(await listApiKeys(db, 'owner-b')).toEqual([]);

    expect(await revokeApiKey(db, { id: first.id, ownerId: 'owner-b', at: new Date() })).toBe(
      undefined,
    );
    const revokedAt = new Date('2026-02-01T00:00:00Z');
    const revoked = await revokeApiKey(db, { id: first.id, ownerId: 'owner-a', at: revokedAt });
    expect(revoked?.revokedAt).toEqual(revokedAt);
    const again = await revokeApiKey(db, {
      id: first.id,
      ownerId: 'owner-a',
      at: new Date('2026-03-01T00:00:00Z'),
    });
    expect(again?.revokedAt).toEqual(revokedAt);
  });

  it('records last use and refuses an unknown owner with a foreign-key violation', async () => {
    const { db } = suite;
    await db.insert(athletes).values({ id: 'owner-c' });
    const key = await insertApiKey(db, {
      keyHash: hashOf(10),
      start: 'aria_sk_CCCC',
      name: 'used',
      ownerId: 'owner-c',
    });
    const at = new Date('2026-04-01T12:00:00Z');
    await touchApiKeyLastUsed(db, key.id, at);
    expect((await findApiKeyByHash(db, hashOf(10)))?.lastUsedAt).toEqual(at);

    const error = await insertApiKey(db, {
      keyHash: hashOf(11),
      start: 'aria_sk_DDDD',
      name: 'orphan',
      ownerId: 'nobody',
    }).catch((caught: unknown) => caught);
    expect(isForeignKeyViolation(error)).toBe(true);
  });
});
