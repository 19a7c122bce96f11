import { expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import {
  createKnowledgeArticle,
  deleteKnowledgeArticle,
  findKnowledgeArticle,
  listKnowledgeArticles,
  searchKnowledgeArticles,
  updateKnowledgeArticle,
} from './knowledge.js';

describeEachDriver('knowledge queries', (suite) => {
  it('creates, finds, updates, searches by relevance and deletes', async () => {
    const inBody = await createKnowledgeArticle(suite.db, {
      title: 'Warm-up routines',
      summary: 'Preparing to sprint',
      tags: ['warm-up'],
      body: 'Finish with two acceleration runs.',
    });
    const inTitle = await createKnowledgeArticle(suite.db, {
      title: 'Acceleration mechanics',
      summary: 'Shin angles and push',
      tags: ['acceleration'],
    });
    expect(inTitle).not.toHaveProperty('searchVector');
    expect((await findKnowledgeArticle(suite.db, inTitle.id))?.title).toBe(
      'Acceleration mechanics',
    );

    const hits = await searchKnowledgeArticles(suite.db, 'acceleration', { limit: 10, offset: 0 });
    expect(hits.map((hit) => hit.id)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0]?.rank).toBeGreaterThan(hits[1]?.rank ?? 0);

    const updated = await updateKnowledgeArticle(suite.db, inBody.id, {
      title: 'Warm-up',
      summary: 'Hurdle mobility',
      tags: [],
      body: null,
    });
    expect(updated?.body).toBeNull();
    expect(
      await searchKnowledgeArticles(suite.db, 'hurdle', { limit: 10, offset: 0 }),
    ).toHaveLength(1);
    expect((await listKnowledgeArticles(suite.db, { limit: 1, offset: 0 }))[0]?.id).toBe(inBody.id);

    expect(await deleteKnowledgeArticle(suite.db, inBody.id)).toBe(true);
    expect(await findKnowledgeArticle(suite.db, inBody.id)).toBeUndefined();
    expect(
      await updateKnowledgeArticle(suite.db, inBody.id, { title: 'x', summary: 'y', tags: [] }),
    ).toBeUndefined();
  });
});
