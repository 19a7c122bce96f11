import { expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import {
  coachingTrainingFigures,
  findConversation,
  listConversations,
  recentMessages,
  recordExchange,
} from './conversations.js';
import { insertTrainingSession } from './training.js';

const exchange = (question: string, conversationId?: string) => ({
  athleteId: 'conv-athlete',
  conversationId,
  question,
  questionTokens: 3,
  answerText: `Answer to ${question}`,
  answer: { analysis: 'a', recommendation: 'r', bibliography: [] },
  provider: 'builtin',
  promptTokens: 100,
  completionTokens: 20,
});

describeEachDriver('conversation queries', (suite) => {
  it('stores exchanges in order, remembers them and lists them per athlete', async () => {
    await provisionAthlete(suite.db, { id: 'conv-athlete' });
    await provisionAthlete(suite.db, { id: 'conv-other' });
    const first = await recordExchange(suite.db, exchange('How do I start?'));
    await recordExchange(suite.db, exchange('And then?', first.conversationId));
    const other = await recordExchange(suite.db, exchange('A new topic'));

    expect(first.answer).toMatchObject({
      role: 'assistant',
      provider: 'builtin',
      promptTokens: 100,
    });
    expect(first.question).toMatchObject({ role: 'user', promptTokens: 3, completionTokens: null });
    const recent = await recentMessages(suite.db, first.conversationId, 3);
    expect(recent.map((m) => m.content)).toEqual([
      'Answer to How do I start?',
      'And then?',
      'Answer to And then?',
    ]);

    expect(await findConversation(suite.db, 'conv-athlete', first.conversationId)).toMatchObject({
      title: 'How do I start?',
    });
    expect(await findConversation(suite.db, 'conv-other', first.conversationId)).toBeUndefined();

    const listed = await listConversations(suite.db, 'conv-athlete', { limit: 10, offset: 0 });
    expect(listed.map((c) => c.id)).toEqual([other.conversationId, first.conversationId]);
    expect(listed[1]?.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(await listConversations(suite.db, 'conv-other', { limit: 10, offset: 0 })).toEqual([]);
  });

  it('keeps write order when timestamps tie (PGlite counts whole milliseconds)', async () => {
    await provisionAthlete(suite.db, { id: 'conv-athlete' });
    const first = await recordExchange(suite.db, exchange('q0'));
    const asked = ['q0'];
    for (let n = 1; n < 25; n += 1) {
      asked.push(`q${n}`);
      await recordExchange(suite.db, exchange(`q${n}`, first.conversationId));
    }
    const expected = asked.flatMap((q) => [q, `Answer to ${q}`]);
    const recent = await recentMessages(suite.db, first.conversationId, 50);
    expect(recent.map((m) => m.content)).toEqual(expected);
    expect((await recentMessages(suite.db, first.conversationId, 4)).map((m) => m.content)).toEqual(
      expected.slice(-4),
    );

    const started: string[] = [];
    for (let n = 0; n < 10; n += 1) {
      started.push((await recordExchange(suite.db, exchange(`topic ${n}`))).conversationId);
    }
    const listed = await listConversations(suite.db, 'conv-athlete', { limit: 5, offset: 0 });
    expect(listed.map((c) => c.id)).toEqual(started.slice(-5).reverse());
    const page = listed[0]?.messages.map((m) => m.content);
    expect(page).toEqual(['topic 9', 'Answer to topic 9']);
  });

  it('reads the wearable days of the window and every session up to its end', async () => {
    const figures = await coachingTrainingFigures(
      suite.db,
      'conv-athlete',
      '2026-05-01',
      '2026-05-28',
    );
    expect(figures).toEqual({ daily: [], sessions: [] });
    for (const date of ['2025-11-02', '2026-05-20', '2026-05-29']) {
      await insertTrainingSession(suite.db, {
        athleteId: 'conv-athlete',
        date,
        type: 'sprint',
        durationMinutes: 60,
        rpe: 6,
      });
    }
    const withLog = await coachingTrainingFigures(
      suite.db,
      'conv-athlete',
      '2026-05-01',
      '2026-05-28',
    );
    expect(withLog.sessions.map((session) => session.date)).toEqual(['2025-11-02', '2026-05-20']);
  });
});
