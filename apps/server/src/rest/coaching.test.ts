import { usageFor } from '@aria/db';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
} from '@aria/integrations/ai-testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../http-server.js';
import { createTestApp } from '../testing/app.js';
import { asUser, expectJson, expectProblem, putOnTier, rest } from '../testing/rest.js';

const fake: ChatCompletionsServer = await startChatCompletionsServer();
const builtin = await createTestApp();
const openai = await createTestApp({
  OPENAI_API_KEY: fake.apiKey,
  OPENAI_BASE_URL: fake.baseUrl,
  AI_MAX_RETRIES: '0',
});
const server: RunningServer = await startHttpServer(openai.app, { port: 0, host: '127.0.0.1' });
afterAll(async () => {
  await server.close(1_000);
  await Promise.all([builtin.deps.close(), openai.deps.close(), fake.close()]);
});
beforeEach(() => fake.reset());

interface SseEvent {
  readonly event: string;
  readonly data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const field = (name: string) =>
        lines
          .filter((line) => line.startsWith(`${name}:`))
          .map((line) => line.slice(name.length + 1).trimStart())
          .join('\n');
      return { event: field('event'), data: JSON.parse(field('data')) as unknown };
    });
}

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function mediaForm(file: Blob, question = 'How is my block position?'): FormData {
  const form = new FormData();
  form.set('question', question);
  form.set('image', file, 'start.png');
  return form;
}

describe('POST /v1/coaching/ask', () => {
  it('answers with the built-in coach and lists the conversation', async () => {
    const headers = await asUser(builtin, 'rest-coach');
    const answer = (await expectJson(
      await rest(builtin, 'post', '/v1/coaching/ask', {
        headers,
        body: { question: 'How do I improve my block start?' },
      }),
      200,
    )) as { provider: string; conversationId: string };
    expect(answer.provider).toBe('builtin');
    const list = (await expectJson(
      await rest(builtin, 'get', '/v1/coaching/conversations?limit=5', { headers }),
      200,
    )) as Array<{ id: string; messages: unknown[] }>;
    expect(list[0]).toMatchObject({ id: answer.conversationId, messages: expect.any(Array) });
  });

  it('answers 402 with the quota headers once the month is spent, though the rate is too', async () => {
    const headers = await asUser(builtin, 'rest-quota');
    const body = { question: 'Taper?' };
    expect((await rest(builtin, 'post', '/v1/coaching/ask', { headers, body })).status).toBe(200);
    const refused = await rest(builtin, 'post', '/v1/coaching/ask', { headers, body });
    await expectProblem(refused, 402, 'QUOTA_EXCEEDED');
    expect(refused.headers.get('x-subscription-tier')).toBe('free');
    expect(refused.headers.get('x-monthly-limit')).toBe('1');
  });
});

describe('POST /v1/coaching/ask/stream', () => {
  it('streams delta events, then the answer', async () => {
    fake.script({ kind: 'answer', content: testAnswer, chunkSize: 7 });
    const headers = await asUser(openai, 'rest-stream');
    const response = await rest(openai, 'post', '/v1/coaching/ask/stream', {
      headers,
      body: { question: 'Flying sprints?' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    const deltas = events.filter((e) => e.event === 'delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(events.at(-1)).toMatchObject({
      event: 'answer',
      data: { analysis: testAnswer.analysis, provider: 'openai' },
    });
  });

  it('ends with an error event when the provider fails mid-way, and refunds', async () => {
    fake.script({ kind: 'error', status: 500 });
    const headers = await asUser(openai, 'rest-stream-fail');
    const response = await rest(openai, 'post', '/v1/coaching/ask/stream', {
      headers,
      body: { question: 'Help?' },
    });
    const events = parseSse(await response.text());
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'AI_UNAVAILABLE' } });
    const period = `${new Date().toISOString().slice(0, 8)}01`;
    expect((await usageFor(openai.deps.db, 'rest-stream-fail', period)).ask).toBe(0);
  });

  it('aborts the provider call when the client disconnects', async () => {
    fake.script({ kind: 'answer', content: testAnswer, chunkSize: 2, delayMs: 40 });
    const headers = await asUser(openai, 'rest-stream-abort');
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${server.port}/v1/coaching/ask/stream`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'Long answer please' }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event: delta');
    controller.abort();
    await expect.poll(() => fake.abortedStreams(), { timeout: 5_000 }).toBe(1);
    const list = await rest(openai, 'get', '/v1/coaching/conversations', { headers });
    expect(await list.json()).toEqual([]);
  });
});

describe('POST /v1/coaching/ask/media', () => {
  it('reads a multipart image with a vision-capable provider (over 1 MB too)', async () => {
    const headers = await asUser(openai, 'rest-media');
    await rest(openai, 'get', '/v1/athletes/me', { headers });
    await putOnTier(openai, 'rest-media', 'star');
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set(pngBytes);
    const response = await openai.app.request('/v1/coaching/ask/media', {
      method: 'POST',
      headers,
      body: mediaForm(new Blob([big], { type: 'image/png' })),
    });
    const body = await response.json();
    expect({ status: response.status, body }).toMatchObject({
      status: 200,
      body: { provider: 'openai' },
    });
  });

  it('refuses other types (415), more than 10 MB (413), and the built-in coach (503)', async () => {
    const headers = await asUser(openai, 'rest-media-refused');
    const post = (t: typeof openai, form: FormData) =>
      t.app.request('/v1/coaching/ask/media', { method: 'POST', headers, body: form });
    await expectProblem(
      await post(openai, mediaForm(new Blob(['GIF89a'], { type: 'image/gif' }))),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const huge = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' });
    await expectProblem(await post(openai, mediaForm(huge)), 413, 'PAYLOAD_TOO_LARGE');
    const builtinHeaders = await asUser(builtin, 'rest-media-builtin');
    const refused = await builtin.app.request('/v1/coaching/ask/media', {
      method: 'POST',
      headers: builtinHeaders,
      body: mediaForm(new Blob([pngBytes], { type: 'image/png' })),
    });
    const problem = await expectProblem(refused, 503, 'AI_UNAVAILABLE');
    expect(problem.detail).toMatch(/vision-capable/);
  });
});
