import { desc, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import { knowledgeArticles } from './index.js';

describeEachDriver('knowledge full-text search', (suite) => {
  it('ranks a title match above a body match', async () => {
    await suite.db.insert(knowledgeArticles).values([
      {
        title: 'Warm-up routines',
        summary: 'General preparation before training.',
        tags: ['warm-up'],
        body: 'Finish the warm-up with a few hurdle mobility drills.',
      },
      {
        title: 'Hurdle rhythm for sprinters',
        summary: 'Three-step rhythm between barriers.',
        tags: ['technique'],
        body: 'Keep the trail leg tight.',
      },
      { title: 'Tempo runs', summary: 'Aerobic support work.', tags: [], body: 'Easy running.' },
    ]);

    const query = sql`websearch_to_tsquery('english', ${'hurdles'})`;
    const rank = sql<number>`ts_rank(${knowledgeArticles.searchVector}, ${query})`;
    const results = await suite.db
      .select({ title: knowledgeArticles.title, rank })
      .from(knowledgeArticles)
      .where(sql`${knowledgeArticles.searchVector} @@ ${query}`)
      .orderBy(desc(rank));

    expect(results.map((row) => row.title)).toEqual([
      'Hurdle rhythm for sprinters',
      'Warm-up routines',
    ]);
  });

  it('matches tags and keeps the search vector in sync on update', async () => {
    const { db } = suite;
    const search = (text: string) =>
      db
        .select({ id: knowledgeArticles.id })
        .from(knowledgeArticles)
        .where(sql`${knowledgeArticles.searchVector} @@ websearch_to_tsquery('english', ${text})`);

    const [article] = await db
      .insert(knowledgeArticles)
      .values({ title: 'Untitled', summary: '', tags: ['plyometrics'] })
      .returning({ id: knowledgeArticles.id });
    if (!article) throw new Error('article was not inserted');
    expect(await search('plyometric')).toEqual([article]);
    expect(await search('bounding')).toEqual([]);

    await db
      .update(knowledgeArticles)
      .set({ title: 'Bounding progressions', tags: [] })
      .where(eq(knowledgeArticles.id, article.id));
    expect(await search('bounding')).toEqual([article]);
    expect(await search('plyometric')).toEqual([]);
  });
});
