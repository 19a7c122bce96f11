import { AppError } from '@aria/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBuiltinProvider } from './builtin-provider.js';
import { withFallback } from './fallback.js';
import { createOpenAiProvider } from './openai-provider.js';
import { withSafetyPolicy } from './safety-provider.js';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testMechanicsAnalysis,
} from './testing/index.js';
import type { AiImage, MechanicsRequest } from './types.js';

let server: ChatCompletionsServer;
beforeAll(async () => {
  server = await startChatCompletionsServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function openAi(vision = true) {
  return createOpenAiProvider({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    model: 'gpt-4o',
    vision,
    timeoutMs: 5_000,
    maxRetries: 0,
  });
}

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
    const reply = await withSafetyPolicy(openAi()).analyzeMechanics(request);
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
    const reply = await openAi().analyzeMechanics(request);
    expect(reply.usage.totalTokens).toBe(320);
    expect(server.requests).toHaveLength(2);

    server.script({ kind: 'answer', content: 'not json' }, { kind: 'answer', content: '{}' });
    await expect(openAi().analyzeMechanics(request)).rejects.toMatchObject({
      code: 'AI_UNAVAILABLE',
    });
  });

  it('answers a failing model with AI_UNAVAILABLE and never falls back to the built-in coach', async () => {
    server.script({ kind: 'error', status: 500 });
    const provider = withFallback(openAi(), createBuiltinProvider());
    const failure = await provider.analyzeMechanics(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({
      code: 'AI_UNAVAILABLE',
      detail: expect.stringContaining('500'),
    });
  });

  it('is refused by providers that read no images, without a request', async () => {
    for (const provider of [openAi(false), createBuiltinProvider()]) {
      await expect(provider.analyzeMechanics(request)).rejects.toMatchObject({
        code: 'AI_UNAVAILABLE',
        detail: expect.stringContaining('reads no images'),
      });
    }
    expect(server.requests).toEqual([]);
  });
});
