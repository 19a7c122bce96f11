import { startChatCompletionsServer } from '@aria/integrations/ai-testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asUser, createAthlete, rest } from '../testing/rest.js';
import { expectNoLeak } from './testing/leaks.js';

// OpenAI (a local Chat Completions server) that never answers, fails, or answers garbage:
// the ask is answered within its time budget, never as a 500, and never shows the garbage.

const chat = await startChatCompletionsServer();
let t: TestApp;
let athlete: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({
    OPENAI_API_KEY: chat.apiKey,
    OPENAI_BASE_URL: chat.baseUrl,
    AI_TIMEOUT_MS: '1000',
    AI_MAX_RETRIES: '0',
  });
  await createAthlete(t, 'ai-failures');
  await rest(t, 'put', '/v1/billing/tier', {
    headers: { 'X-API-Key': t.internalApiKey },
    body: { athleteId: 'ai-failures', tier: 'star' },
  });
  athlete = await asUser(t, 'ai-failures');
});
afterAll(async () => {
  await t.deps.close();
  await chat.close();
});

async function ask() {
  const startedAt = performance.now();
  const response = await rest(t, 'post', '/v1/coaching/ask', {
    headers: athlete,
    body: { question: 'How do I start faster out of the blocks?' },
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - startedAt };
}

describe('OpenAI failing', () => {
  it.each([
    ['hanging', [{ kind: 'hang' as const }, { kind: 'hang' as const }]],
    [
      'answering 500',
      [
        { kind: 'error' as const, status: 500 },
        { kind: 'error' as const, status: 500 },
      ],
    ],
    [
      'answering text that is not JSON',
      [
        { kind: 'answer' as const, content: 'Stack trace at Object.<anonymous> (x.js:1:1)' },
        { kind: 'answer' as const, content: 'still {not json' },
      ],
    ],
    [
      'answering JSON of the wrong shape',
      [
        { kind: 'answer' as const, content: { analysis: 42, bibliography: 'none' } },
        { kind: 'answer' as const, content: { unexpected: true } },
      ],
    ],
  ])('%s: answered in time, not 500, nothing leaked', async (_, replies) => {
    chat.reset();
    chat.script(...replies);
    const answer = await ask();
    expectNoLeak('ask', answer.text);
    expect([200, 503]).toContain(answer.status);
    if (answer.status === 503) expect(answer.text).toContain('AI_UNAVAILABLE');
    expect(answer.text).not.toMatch(/not json|Stack trace|Object\.<anonymous>/);
    expect(answer.ms).toBeLessThan(8_000);
  });

  it('answers normally again once OpenAI does', async () => {
    chat.reset();
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('early rise');
  });
});
