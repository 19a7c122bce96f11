import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from '../../../apps/server/src/http-server.js';
// The real server app (Hono on in-memory PGlite, the built-in coach), served over HTTP.
import { createTestApp, type TestApp } from '../../../apps/server/src/testing/app.js';
import { createAriaClient, problemOf, type RouterOutputs } from './index.js';

type StreamEvent =
  RouterOutputs['coaching']['askStream'] extends AsyncIterable<infer E> ? E : never;

let t: TestApp;
let server: RunningServer;
beforeAll(async () => {
  t = await createTestApp();
  server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close(1_000);
  await t.deps.close();
});

const client = (sub: string) =>
  createAriaClient({
    url: `http://127.0.0.1:${server.port}/trpc`,
    token: () => t.tokenFor(sub),
  });

describe('coaching through the published client and a real HTTP server', () => {
  it('streams askStream deltas, then the answer, and remembers the conversation', async () => {
    const aria = client('client-stream');
    const events: StreamEvent[] = [];
    for await (const event of await aria.coaching.askStream.mutate({
      question: 'How do I improve my block start?',
    })) {
      events.push(event);
    }
    const last = events.at(-1);
    if (last?.type !== 'answer') throw new Error('the stream ends with the answer');
    expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(3);
    expect(last.answer.provider).toBe('builtin');

    const conversations = await aria.coaching.conversations.query();
    expect(conversations[0]?.id).toBe(last.answer.conversationId);
    expect(conversations[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('rejects with the quota problem before streaming once the month is spent', async () => {
    const aria = client('client-stream-quota');
    await aria.coaching.ask.mutate({ question: 'Taper?' });
    const error = await aria.coaching.askStream.mutate({ question: 'Again?' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(problemOf(error)).toMatchObject({ status: 402, code: 'QUOTA_EXCEEDED' });
  });
});
