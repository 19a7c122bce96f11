import { describeEachDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { knowledgeCacheKey } from '../knowledge-cache.js';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';

const article = {
  title: 'Maximum velocity with flying sprints',
  summary: 'Flies from a 20 m run-in build top speed.',
  tags: ['max velocity', 'flies'],
  body: 'Rest one minute per 10 m sprinted.',
};

describeEachDriver('knowledge router', (suite) => {
  const kit = routerTestKit(() => suite.db);

  it('lets admins write, athletes read and search by relevance', async () => {
    const admin = await kit.asUser('kb-admin', 'admin');
    const created = await admin.knowledge.create(article);
    await admin.knowledge.create({
      title: 'Warm-ups',
      summary: 'Drills before sprinting.',
      tags: [],
      body: 'End with two flying sprints.',
    });
    const athlete = await kit.asUser('kb-reader');
    await expect(athlete.knowledge.create(article)).rejects.toMatchObject(trpcFailure('FORBIDDEN'));

    const { items } = await athlete.knowledge.list({ q: 'flying sprints' });
    expect(items[0]?.id).toBe(created.id);
    expect(items.length).toBe(2);
    expect(items[0]?.rank ?? 0).toBeGreaterThan(items[1]?.rank ?? 0);
    expect((await athlete.knowledge.get({ id: created.id })).createdAt).toBeInstanceOf(Date);
  });

  it('serves reads from the cache and invalidates it on every write', async () => {
    const admin = await kit.asUser('cache-admin', 'admin');
    const athlete = await kit.asUser('cache-reader');
    const created = await admin.knowledge.create({ ...article, title: 'Taper for championships' });

    const first = await athlete.knowledge.get({ id: created.id });
    const cacheKey = await knowledgeCacheKey(kit.kv, `article:${created.id}`);
    expect(await kit.kv.get(cacheKey)).not.toBeNull();
    const cached = await athlete.knowledge.get({ id: created.id });
    expect(cached).toEqual(first);

    await admin.knowledge.update({ id: created.id, ...article, title: 'Taper, revised' });
    expect(await kit.kv.get(cacheKey)).toBeNull();
    expect((await athlete.knowledge.get({ id: created.id })).title).toBe('Taper, revised');

    await admin.knowledge.delete({ id: created.id });
    await expect(athlete.knowledge.get({ id: created.id })).rejects.toMatchObject(
      trpcFailure('NOT_FOUND'),
    );
  });

  it('validates input before anything else', async () => {
    const admin = await kit.asUser('strict-admin', 'admin');
    await expect(admin.knowledge.create({ ...article, title: '' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
    await expect(admin.knowledge.get({ id: 'not-a-uuid' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
  });
});
