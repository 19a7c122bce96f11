import { AppError } from '@aria/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltinProvider } from './builtin-provider.js';
import { withFallback } from './fallback.js';
import { createOpenAiProvider, type OpenAiProviderOptions } from './openai-provider.js';
import { withSafetyPolicy } from './safety-provider.js';
import { testRequest } from './test-request.js';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
  testMechanicsAnalysis,
} from './testing/index.js';
import type { AiImage, AiProvider, AiStreamEvent, MechanicsRequest } from './types.js';

let server: ChatCompletionsServer;
beforeAll(async () => {
  server = await startChatCompletionsServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function provider(options: Partial<OpenAiProviderOptions> = {}): AiProvider {
  return createOpenAiProvider({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    model: 'gpt-4o',
    vision: true,
    timeoutMs: 5_000,
    maxRetries: 0,
    ...options,
  });
}

async function collect(events: AsyncIterable<AiStreamEvent>) {
  const all: AiStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const question = 'My hamstring is tight; should I run flying 30s today?';

describe('the OpenAI provider (real SDK, local Chat Completions server)', () => {
  it('asks for structured output and parses the answer with its usage', async () => {
    const reply = await provider().answer(testRequest(question));
    expect(reply).toMatchObject({ answer: testAnswer, provider: 'openai', model: 'gpt-4o' });
    expect(reply.usage).toEqual({ promptTokens: 120, completionTokens: 40, totalTokens: 160 });
    const [sent] = server.requests;
    expect(sent?.authorization).toBe(`Bearer ${server.apiKey}`);
    expect(sent?.body).toMatchObject({
      model: 'gpt-4o',
      temperature: 0.7,
      response_format: { type: 'json_schema', json_schema: { name: 'coach_answer', strict: true } },
    });
  });

  it('sends the safety rules in the system prompt and the question only as user text', async () => {
    await provider().answer(testRequest(question));
    const messages = server.requests[0]?.body.messages ?? [];
    const system = String(messages[0]?.content);
    expect(messages[0]?.role).toBe('system');
    expect(system).not.toContain(question);
    expect(system).not.toContain('national masters title');
    expect(system).toMatch(/strict: no-nonsense/);
    expect(system).toMatch(/tired or sore/);
    expect(system).toMatch(/reports pain or an injury in this question: apply the injury rule/);
    expect(system).toMatch(/MUST refer them to a doctor or physiotherapist/);
    expect(system).toMatch(/The athlete is 42 \(a masters athlete\)/);
    expect(messages.at(-1)).toEqual({ role: 'user', content: question });
  });

  it('keeps only library article ids it was given', async () => {
    const bibliography = [
      { title: 'Acceleration', url: null, articleId: 'article-1' },
      { title: 'Made up', url: 'not a url', articleId: 'invented' },
    ];
    server.script({ kind: 'answer', content: { ...testAnswer, bibliography } });
    const reply = await provider().answer(testRequest(question));
    expect(reply.answer.bibliography).toEqual([
      { title: 'Acceleration', url: null, articleId: 'article-1' },
      { title: 'Made up', url: null, articleId: null },
    ]);
  });

  it('retries a malformed answer once, then answers AI_UNAVAILABLE', async () => {
    server.script({ kind: 'answer', content: 'process.exit(1)' });
    const retried = await provider().answer(testRequest(question));
    expect(retried.answer).toEqual(testAnswer);
    expect(retried.usage.totalTokens).toBe(320);
    expect(server.requests).toHaveLength(2);

    server.reset();
    server.script(
      { kind: 'answer', content: '{"analysis": "no recommendation"}' },
      { kind: 'answer', content: 'not json' },
    );
    await expect(provider().answer(testRequest(question))).rejects.toMatchObject({
      code: 'AI_UNAVAILABLE',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('retries server errors a bounded number of times', async () => {
    server.script({ kind: 'error', status: 500 }, { kind: 'error', status: 503 });
    const failing = provider({ maxRetries: 1 }).answer(testRequest(question));
    await expect(failing).rejects.toMatchObject({ code: 'AI_UNAVAILABLE' });
    expect(server.requests).toHaveLength(2);
    server.reset();
    server.script({ kind: 'error', status: 500 });
    await expect(provider({ maxRetries: 1 }).answer(testRequest(question))).resolves.toMatchObject({
      provider: 'openai',
    });
  });

  it('gives up after its timeout', async () => {
    server.script({ kind: 'hang' });
    const error = await provider({ timeoutMs: 300 })
      .answer(testRequest(question))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'AI_UNAVAILABLE',
      detail: expect.stringMatching(/in time/),
    });
  });

  it('sends an image as an image_url content part', async () => {
    const image = { mediaType: 'image/png' as const, base64: 'iVBORw0KGgo=' };
    await provider().answer(testRequest('What do you see in my start?', { image }));
    const last = server.requests[0]?.body.messages.at(-1);
    expect(last?.content).toEqual([
      { type: 'text', text: 'What do you see in my start?' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ]);
  });

  it('streams the text of the analysis and recommendation, then the answer', async () => {
    server.script({ kind: 'answer', content: testAnswer, chunkSize: 5 });
    const events = await collect(provider().stream(testRequest(question)));
    const text = (field: string) =>
      events.map((e) => (e.type === 'delta' && e.field === field ? e.text : '')).join('');
    expect(text('analysis')).toBe(testAnswer.analysis);
    expect(text('recommendation')).toBe(testAnswer.recommendation);
    expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(5);
    expect(events.at(-1)).toMatchObject({
      type: 'answer',
      reply: { answer: testAnswer, usage: { totalTokens: 160 } },
    });
    expect(server.requests[0]?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('retries a malformed stream once without streaming', async () => {
    server.script({ kind: 'answer', content: '{"analysis": "cut' });
    const events = await collect(provider().stream(testRequest(question)));
    expect(events.at(-1)).toMatchObject({ type: 'answer', reply: { answer: testAnswer } });
    expect(server.requests.map((r) => r.body.stream ?? false)).toEqual([true, false]);
  });
});

describe('falling back to the built-in coach', () => {
  const fallback = () => withFallback(provider(), createBuiltinProvider());

  it('answers with the built-in coach when OpenAI is down, and says so', async () => {
    server.script({ kind: 'error', status: 503 });
    const reply = await fallback().answer(testRequest(question));
    expect(reply.provider).toBe('builtin');
    server.script({ kind: 'error', status: 503 });
    const events = await collect(fallback().stream(testRequest(question)));
    expect(events.at(-1)).toMatchObject({ type: 'answer', reply: { provider: 'builtin' } });
  });

  it('answers with OpenAI when it is up', async () => {
    expect((await fallback().answer(testRequest(question))).provider).toBe('openai');
  });
});

const frame = (n: number): AiImage => ({
  mediaType: 'image/jpeg',
  base64: Buffer.from([0xff, 0xd8, 0xff, n]).toString('base64'),
});

const request: MechanicsRequest = {
  frames: [frame(1), frame(2), frame(3)],
  context: {
    mediaKind: 'video',
    frameCount: 3,
    event: '200m',
    experienceLevel: 'intermediate',
    injured: false,
  },
};

type Part = { type: string; text?: string; image_url?: { url: string; detail?: string } };

describe('mechanics analysis (real SDK, local Chat Completions server)', () => {
  it('sends every frame as an image part with the event and level, and parses the answer', async () => {
    server.script({ kind: 'answer', content: testMechanicsAnalysis });
    const reply = await withSafetyPolicy(provider()).analyzeMechanics(request);
    expect(reply).toEqual({
      analysis: testMechanicsAnalysis,
      usage: { promptTokens: 120, completionTokens: 40, totalTokens: 160 },
      provider: 'openai',
      model: 'gpt-4o',
    });
    const body = server.requests[0]?.body;
    expect(body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'sprint_mechanics', strict: true },
    });
    const [system, user] = body?.messages ?? [];
    expect(system?.role).toBe('system');
    const parts = user?.content as Part[];
    expect(parts[0]?.text).toContain('races 200m; experience level: intermediate');
    const images = parts.filter((part) => part.type === 'image_url');
    expect(images.map((part) => part.image_url)).toEqual(
      request.frames.map((f) => ({ url: `data:image/jpeg;base64,${f.base64}`, detail: 'low' })),
    );
  });

  it('retries a malformed answer once, then gives up with AI_UNAVAILABLE', async () => {
    server.script(
      { kind: 'answer', content: { summary: 'no aspects' } },
      { kind: 'answer', content: testMechanicsAnalysis },
    );
    const reply = await provider().analyzeMechanics(request);
    expect(reply.usage.totalTokens).toBe(320);
    expect(server.requests).toHaveLength(2);

    server.script({ kind: 'answer', content: 'not json' }, { kind: 'answer', content: '{}' });
    await expect(provider().analyzeMechanics(request)).rejects.toMatchObject({
      code: 'AI_UNAVAILABLE',
    });
  });

  it('answers a failing model with AI_UNAVAILABLE and never falls back to the built-in coach', async () => {
    server.script({ kind: 'error', status: 500 });
    const primary = withFallback(provider(), createBuiltinProvider());
    const failure = await primary.analyzeMechanics(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'AI_UNAVAILABLE',
      detail: expect.stringContaining('500'),
    });
  });

  it('is refused by providers that read no images, without a request', async () => {
    for (const blind of [provider({ vision: false }), createBuiltinProvider()]) {
      await expect(blind.analyzeMechanics(request)).rejects.toMatchObject({
        code: 'AI_UNAVAILABLE',
        detail: expect.stringContaining('reads no images'),
      });
    }
    expect(server.requests).toEqual([]);
  });
});
