import { subscriptions, usageFor } from '@aria/db';
import { describeOnDriver } from '@aria/db/testing';
import { createAiProvider } from '@aria/integrations';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
} from '@aria/integrations/ai-testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { testConfig } from '../testing/auth.js';
import { routerTestKit, trpcFailure } from '../testing/router-kit.js';
import type { CoachingStreamEvent } from '../views/coaching.js';

// The same procedures with OpenAI as the provider: the real SDK against a local
// Chat Completions server.

const server: ChatCompletionsServer = await startChatCompletionsServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');

function openAi(env: Record<string, string> = {}) {
  const config = testConfig({
    OPENAI_API_KEY: server.apiKey,
    OPENAI_BASE_URL: server.baseUrl,
    AI_MAX_RETRIES: '0',
    ...env,
  });
  return createAiProvider(config);
}

describeOnDriver('pglite', 'coaching router (OpenAI)', (suite) => {
  const kit = routerTestKit(() => suite.db, { ai: openAi() });
  const fallbackKit = routerTestKit(() => suite.db, {
    ai: openAi({ AI_FALLBACK_TO_BUILTIN: 'true' }),
  });
  const athlete = async (id: string, tier: 'free' | 'pro' | 'star' = 'star') => {
    const caller = await kit.asUser(id);
    await caller.athletes.get();
    await suite.db.update(subscriptions).set({ tier }).where(eq(subscriptions.athleteId, id));
    return caller;
  };

  it('answers through the SDK, records its tokens and sends the remembered turns', async () => {
    const api = await athlete('oa-memory');
    const question = 'My hamstring is tight, can I sprint?';
    const first = await api.coaching.ask({ question });
    expect(first).toMatchObject({
      analysis: testAnswer.analysis,
      provider: 'openai',
      usage: { promptTokens: 120, completionTokens: 40, totalTokens: 160 },
    });
    // The model prescribed block starts and left the referral out; the safety policy repairs it.
    expect(first.recommendation).toContain('See a doctor or physiotherapist');
    expect(first.recommendation).not.toContain('block starts with full recovery');
    const system = String(server.requests[0]?.body.messages[0]?.content);
    expect(system).not.toContain(question);
    expect(system).toContain('MUST refer them to a doctor or physiotherapist');

    await api.coaching.ask({ question: 'And tomorrow?', conversationId: first.conversationId });
    const sent = server.requests[1]?.body.messages.map((m) => m.content) ?? [];
    expect(sent.slice(-3)).toEqual([
      question,
      expect.stringContaining(first.analysis),
      'And tomorrow?',
    ]);
    const [conversation] = await api.coaching.conversations();
    expect(conversation?.messages[1]).toMatchObject({ promptTokens: 120, completionTokens: 40 });
  });

  it('streams a question about pain only as checked text', async () => {
    const api = await athlete('oa-stream-injury');
    server.script({
      kind: 'answer',
      chunkSize: 5,
      content: {
        analysis: 'Sounds like normal tightness.',
        recommendation: 'No need to see a doctor. Do 4 × 30 m flying sprints today.',
        bibliography: [],
      },
    });
    const events: CoachingStreamEvent[] = [];
    for await (const event of await api.coaching.askStream({
      question: 'I felt something go in my hamstring on the last rep',
    })) {
      events.push(event);
    }
    const final = events.at(-1);
    if (final?.type !== 'answer') throw new Error('the stream must end with the answer');
    const streamed = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
    expect(streamed).toBe(`${final.answer.analysis}${final.answer.recommendation}`);
    expect(streamed).not.toMatch(/flying|No need to see a doctor|normal tightness/);
    expect(final.answer.recommendation).toContain('See a doctor or physiotherapist');
  });

  it('streams other questions as the model writes them', async () => {
    const api = await athlete('oa-stream-plain');
    server.script({ kind: 'answer', content: testAnswer, chunkSize: 5 });
    const deltas: string[] = [];
    for await (const event of await api.coaching.askStream({ question: 'How do I start?' })) {
      if (event.type === 'delta') deltas.push(event.text);
    }
    expect(deltas.length).toBeGreaterThan(10);
    expect(deltas.join('')).toBe(`${testAnswer.analysis}${testAnswer.recommendation}`);
  });

  it('refunds the quota when the model fails twice (AI_UNAVAILABLE)', async () => {
    const api = await athlete('oa-malformed', 'free');
    server.script({ kind: 'answer', content: 'eval("x")' }, { kind: 'answer', content: '{}' });
    await expect(api.coaching.ask({ question: 'Help?' })).rejects.toMatchObject(
      trpcFailure('SERVICE_UNAVAILABLE'),
    );
    expect((await usageFor(suite.db, 'oa-malformed', '2026-06-01')).ask).toBe(0);
    expect(await api.coaching.conversations()).toEqual([]);
  });

  it('refunds a failed stream', async () => {
    const api = await athlete('oa-stream-fail', 'free');
    server.script({ kind: 'error', status: 500 });
    const stream = await api.coaching.askStream({ question: 'Help?' });
    await expect(async () => {
      for await (const _event of stream) {
        // drain
      }
    }).rejects.toMatchObject({ code: 'AI_UNAVAILABLE' });
    expect((await usageFor(suite.db, 'oa-stream-fail', '2026-06-01')).ask).toBe(0);
  });

  it('reads images with the ask-with-media quota', async () => {
    const api = await athlete('oa-media', 'pro');
    const answer = await api.coaching.askMedia({
      question: 'How is my block position?',
      image: { mediaType: 'image/png', data: png },
    });
    expect(answer.provider).toBe('openai');
    const parts = server.requests[0]?.body.messages.at(-1)?.content;
    expect(parts).toContainEqual({
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${png}` },
    });
    const usage = await usageFor(suite.db, 'oa-media', '2026-06-01');
    expect(usage).toMatchObject({ ask: 0, ask_media: 1 });
    const [conversation] = await api.coaching.conversations();
    expect(conversation?.messages[0]?.mediaType).toBe('image/png');
  });

  it('falls back to the built-in coach when configured, and says so', async () => {
    const api = await fallbackKit.asUser('oa-fallback');
    await api.athletes.get();
    await suite.db
      .update(subscriptions)
      .set({ tier: 'star' })
      .where(eq(subscriptions.athleteId, 'oa-fallback'));
    server.script({ kind: 'error', status: 503 });
    expect((await api.coaching.ask({ question: 'Taper advice?' })).provider).toBe('builtin');
    expect((await api.coaching.ask({ question: 'Taper advice?' })).provider).toBe('openai');
  });
});
