import { usageFor } from '@aria/db';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
} from '@aria/integrations/ai-testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from './http-server.js';
import { createTestApp } from './testing/app.js';
import { asUser } from './testing/rest.js';

const fake: ChatCompletionsServer = await startChatCompletionsServer();
const t = await createTestApp({
  OPENAI_API_KEY: fake.apiKey,
  OPENAI_BASE_URL: fake.baseUrl,
  AI_MAX_RETRIES: '0',
  REQUEST_TIMEOUT_MS: '1000',
});
const server: RunningServer = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${server.port}`;
afterAll(async () => {
  await server.close(1_000);
  await Promise.all([t.deps.close(), fake.close()]);
});
beforeEach(() => fake.reset());

const period = () => `${new Date().toISOString().slice(0, 8)}01`;

async function expectStoppedAndRefunded(athleteId: string, headers: Record<string, string>) {
  // The provider call is cancelled rather than left to finish (or, on a slow machine where
  // the deadline passed before it, never made)...
  await expect
    .poll(() => fake.requests.length - fake.abortedCompletions(), { timeout: 8_000 })
    .toBe(0);
  // ...the unit comes back, and no answer is stored.
  await expect.poll(async () => (await usageFor(t.deps.db, athleteId, period())).ask).toBe(0);
  const list = await fetch(`${base}/v1/coaching/conversations`, { headers });
  expect(await list.json()).toEqual([]);
}

describe('a request that outlives REQUEST_TIMEOUT_MS', () => {
  it('answers 504 on REST and stops the ask: refunded, nothing stored', async () => {
    fake.script({ kind: 'answer', content: testAnswer, delayMs: 3_000 });
    const headers = await asUser(t, 'timeout-rest');
    const response = await fetch(`${base}/v1/coaching/ask`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'How do I taper for the 200 m?' }),
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ code: 'TIMEOUT', status: 504 });
    await expectStoppedAndRefunded('timeout-rest', headers);
  });

  it('answers 504 on tRPC and stops the ask: refunded, nothing stored', async () => {
    fake.script({ kind: 'answer', content: testAnswer, delayMs: 3_000 });
    const headers = await asUser(t, 'timeout-trpc');
    const response = await fetch(`${base}/trpc/coaching.ask`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { question: 'How do I taper for the 200 m?' } }),
    });
    expect(response.status).toBe(504);
    await expectStoppedAndRefunded('timeout-trpc', headers);
  });
});
