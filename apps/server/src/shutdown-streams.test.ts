import type { AppRouter } from '@aria/api';
import { usageFor } from '@aria/db';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
  testAnswer,
} from '@aria/integrations/ai-testing';
import { createTRPCClient, httpBatchStreamLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, describe, expect, it } from 'vitest';
import { startHttpServer } from './http-server.js';
import { createLogger } from './logger.js';
import { shutdownGracefully } from './shutdown.js';
import { createTestApp } from './testing/app.js';
import { asUser } from './testing/rest.js';

const fake: ChatCompletionsServer = await startChatCompletionsServer();
const t = await createTestApp({
  OPENAI_API_KEY: fake.apiKey,
  OPENAI_BASE_URL: fake.baseUrl,
  AI_MAX_RETRIES: '0',
});
afterAll(() => fake.close());

const period = () => `${new Date().toISOString().slice(0, 8)}01`;
const usedAsks = async (athleteId: string) => (await usageFor(t.deps.db, athleteId, period())).ask;

/** Reads server-sent events until one named `event` arrives; answers its data. */
async function readUntilEvent(response: Response, event: string): Promise<unknown> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended without an "${event}" event:\n${text}`);
    text += decoder.decode(value, { stream: true });
    const block = text.split('\n\n').find((b) => b.startsWith(`event: ${event}\n`));
    const data = block?.split('\n').find((line) => line.startsWith('data: '));
    if (data) return JSON.parse(data.slice('data: '.length));
  }
}

describe('SIGTERM with answers still streaming', () => {
  it('fails readiness while draining, then ends both streams with an error and refunds', async () => {
    // A slow answer: about 10 s of deltas, far longer than the shutdown allows.
    fake.script(
      { kind: 'answer', content: testAnswer, chunkSize: 2, delayMs: 60 },
      { kind: 'answer', content: testAnswer, chunkSize: 2, delayMs: 60 },
    );
    const server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${server.port}`;

    const sseHeaders = await asUser(t, 'shutdown-sse');
    const sse = await fetch(`${base}/v1/coaching/ask/stream`, {
      method: 'POST',
      headers: { ...sseHeaders, 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'How do I hold my top speed?' }),
    });
    expect(sse.status).toBe(200);
    const sseError = readUntilEvent(sse, 'error');

    const trpcToken = await t.tokenFor('shutdown-trpc');
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchStreamLink({
          url: `${base}/trpc`,
          transformer: superjson,
          headers: { Authorization: `Bearer ${trpcToken}` },
        }),
      ],
    });
    const deltas: unknown[] = [];
    const trpcOutcome = (async () => {
      for await (const event of await client.coaching.askStream.mutate({ question: 'Speed?' })) {
        deltas.push(event);
      }
      return 'ended without an error';
    })().catch((error: unknown) => error);
    await expect.poll(() => deltas.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await usedAsks('shutdown-sse')).toBe(1);
    expect(await usedAsks('shutdown-trpc')).toBe(1);

    const shutdown = shutdownGracefully({
      server,
      deps: { close: async () => {} },
      lifecycle: t.lifecycle,
      logger: createLogger({ logLevel: 'silent' }),
      drainMs: 1_000,
      graceMs: 300,
    });
    // Draining: still serving, but readiness says to stop sending traffic here.
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('connection')).toBe('close');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    expect(await sseError).toMatchObject({ code: 'AI_UNAVAILABLE', status: 503 });
    const trpcError = await trpcOutcome;
    expect(trpcError).toBeInstanceOf(TRPCClientError);
    expect((trpcError as TRPCClientError<AppRouter>).data).toMatchObject({
      code: 'AI_UNAVAILABLE',
    });
    await shutdown;

    expect(await usedAsks('shutdown-sse')).toBe(0);
    expect(await usedAsks('shutdown-trpc')).toBe(0);
    await expect.poll(() => fake.abortedStreams(), { timeout: 5_000 }).toBe(2);
  }, 30_000);
});
