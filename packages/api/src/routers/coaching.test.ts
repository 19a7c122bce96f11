import { forbiddenWork } from '@aria/core';
import { dailyMetrics, subscriptions, trainingSessions, usageFor } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';
import type { CoachingStreamEvent } from '../views/coaching.js';

const period = '2026-06-01';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString(
  'base64',
);

describeEachDriver('coaching router (built-in coach)', (suite) => {
  const kit = routerTestKit(() => suite.db);
  const setTier = (id: string, tier: 'pro' | 'star') =>
    suite.db.update(subscriptions).set({ tier }).where(eq(subscriptions.athleteId, id));
  const usage = (id: string) => usageFor(suite.db, id, period);
  /** A star athlete: unlimited quota, 30 asks a minute. */
  const star = async (id: string) => {
    const caller = await kit.asUser(id);
    await caller.athletes.get();
    await setTier(id, 'star');
    return caller;
  };

  it('answers, remembers the conversation and stores every message with tokens', async () => {
    const api = await star('coach-memory');
    await api.athletes.update({ eventFocus: ['100m'], personalBests: { '100m': 10.9 } });
    const first = await api.coaching.ask({ question: 'How do I train flying sprints?' });
    expect(first).toMatchObject({ provider: 'builtin', conversationId: expect.any(String) });
    expect(first.analysis).toContain('Top speed is trained by running at it');
    expect(first.usage.totalTokens).toBe(first.usage.promptTokens + first.usage.completionTokens);

    const followUp = await api.coaching.ask({
      question: 'And how many reps?',
      conversationId: first.conversationId,
    });
    expect(followUp.conversationId).toBe(first.conversationId);
    expect(followUp.analysis).toContain('Top speed is trained by running at it');
    expect(followUp.usage.promptTokens).toBeGreaterThan(first.usage.promptTokens);

    const [conversation] = await api.coaching.conversations();
    expect(conversation?.title).toBe('How do I train flying sprints?');
    expect(conversation?.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const [question, answer] = conversation?.messages ?? [];
    expect(question).toMatchObject({ content: 'How do I train flying sprints?', promptTokens: 8 });
    expect(answer).toMatchObject({
      provider: 'builtin',
      promptTokens: first.usage.promptTokens,
      completionTokens: first.usage.completionTokens,
      answer: { analysis: first.analysis, recommendation: first.recommendation },
    });
  });

  it('applies the safety rules and answers in the athlete language', async () => {
    const api = await star('coach-safety');
    const injured = await api.coaching.ask({ question: 'My Achilles hurts after spikes' });
    expect(injured.recommendation).toContain('See a doctor or physiotherapist');
    expect(forbiddenWork(injured)).toEqual([]);
    const spanish = await api.coaching.ask({ question: '¿Cómo mejoro mi salida de tacos?' });
    expect(spanish.analysis).toContain('fuerza horizontal');
  });

  it('cites knowledge articles found by full-text search', async () => {
    const api = await star('coach-library');
    const admin = await kit.asUser('coach-admin', 'admin');
    const article = await admin.knowledge.create({
      title: 'Acceleration mechanics',
      summary: 'Shin angles and push in the first steps.',
      tags: ['acceleration'],
    });
    const answer = await api.coaching.ask({ question: 'Tips for my block start?' });
    expect(answer.bibliography).toContainEqual({
      title: 'Acceleration mechanics',
      url: null,
      articleId: article.id,
    });
  });

  it('meters the ask quota and rate: invalid input costs nothing, 402 comes before 429', async () => {
    const api = await kit.asUser('coach-free');
    await expect(api.coaching.ask({ question: '' })).rejects.toMatchObject(
      trpcFailure('BAD_REQUEST'),
    );
    await expect(
      api.coaching.ask({ question: 'x', conversationId: crypto.randomUUID() }),
    ).rejects.toMatchObject(trpcFailure('NOT_FOUND'));
    expect((await usage('coach-free')).ask).toBe(0);
    await api.coaching.ask({ question: 'How do I taper?' });
    expect((await usage('coach-free')).ask).toBe(1);
    // Both the monthly quota (1) and the per-minute rate (1) are spent now.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(api.coaching.ask({ question: 'Again?' })).rejects.toMatchObject(
        trpcFailure('PAYMENT_REQUIRED'),
      );
    }
    expect((await usage('coach-free')).ask).toBe(1);
    // The 402s left the rate untouched: on pro (5 asks a minute) in the same minute, exactly
    // 4 more pass (5 minus the one answered), then 429. Had each 402 counted, none would.
    await setTier('coach-free', 'pro');
    for (let ask = 0; ask < 4; ask += 1) await api.coaching.ask({ question: `Pro ${ask}?` });
    await expect(api.coaching.ask({ question: 'One more?' })).rejects.toMatchObject(
      trpcFailure('TOO_MANY_REQUESTS'),
    );
  });

  it('lets no coach ask for an athlete, and the service ask for any', async () => {
    await star('coach-target');
    const coach = await kit.asUser('coach-someone', 'coach');
    await expect(
      coach.coaching.ask({ question: 'Hi', athleteId: 'coach-target' }),
    ).rejects.toMatchObject(trpcFailure('NOT_FOUND'));
    const answer = await kit
      .asService()
      .coaching.ask({ question: 'Hi', athleteId: 'coach-target' });
    expect(answer.provider).toBe('builtin');
  });

  it('adds wearable and training-load context in askEnhanced', async () => {
    const api = await star('coach-enhanced');
    await suite.db.insert(dailyMetrics).values({
      athleteId: 'coach-enhanced',
      date: '2026-06-01',
      source: 'manual',
      sleepSeconds: 5 * 3600,
    });
    await suite.db.insert(trainingSessions).values({
      athleteId: 'coach-enhanced',
      date: '2026-05-30',
      type: 'sprint',
      durationMinutes: 60,
      rpe: 8,
    });
    const answer = await api.coaching.askEnhanced({ question: 'What should I run today?' });
    expect(answer.analysis).toContain('about 5 hours of sleep');
    expect(answer.analysis).toContain('1 sessions in the last 7 days');
    expect(answer.recommendation).toContain('lower the intensity');
    const plain = await api.coaching.ask({ question: 'What should I run today?' });
    expect(plain.analysis).not.toContain('hours of sleep');
  });

  it('refuses images without a vision-capable provider, consuming nothing', async () => {
    const api = await star('coach-media');
    const image = { mediaType: 'image/png' as const, data: png };
    await expect(api.coaching.askMedia({ question: 'My start?', image })).rejects.toMatchObject({
      ...trpcFailure('SERVICE_UNAVAILABLE'),
      message: expect.stringMatching(/vision-capable/),
    });
    await expect(
      api.coaching.askMedia({ question: 'x', image: { mediaType: 'image/jpeg', data: png } }),
    ).rejects.toMatchObject(trpcFailure('BAD_REQUEST'));
    expect((await usage('coach-media')).ask_media).toBe(0);
  });

  it('streams deltas, then the stored answer', async () => {
    const api = await star('coach-stream');
    const events: CoachingStreamEvent[] = [];
    for await (const event of await api.coaching.askStream({ question: 'My hamstring is tight' })) {
      events.push(event);
    }
    const final = events.at(-1);
    if (final?.type !== 'answer') throw new Error('the stream must end with the answer');
    const text = (field: string) =>
      events.map((e) => (e.type === 'delta' && e.field === field ? e.text : '')).join('');
    expect(text('analysis')).toBe(final.answer.analysis);
    expect(text('recommendation')).toBe(final.answer.recommendation);
    expect(final.answer.recommendation).toContain('See a doctor or physiotherapist');
    const [conversation] = await api.coaching.conversations();
    expect(conversation?.id).toBe(final.answer.conversationId);
  });
});
