import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatCompletionsServer,
  startChatCompletionsServer,
} from '../../integrations/src/ai/testing/index.js';
import { type AriaTestServer, startAriaServer } from '../testing/aria-server.js';
import { askCoach, createAriaClient, isAriaError, type ProblemOf } from './index.js';

let server: AriaTestServer;

beforeAll(async () => {
  server = await startAriaServer();
});

afterAll(() => server.close());

const clientFor = (sub: string) =>
  createAriaClient({ url: server.url, token: () => server.tokenFor(sub) });

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  );
}

const plan = {
  event: '100m',
  experienceLevel: 'intermediate',
  daysPerWeek: 4,
  competitionDate: '2027-06-01',
} as const;

describe('isAriaError with a code', () => {
  it('narrows a refused mutation to the quota problem with the paywall data', async () => {
    const error = await failureOf(clientFor('errors-plan').plans.generate.mutate(plan));
    expect(isAriaError(error, 'RATE_LIMITED')).toBe(false);
    if (!isAriaError(error, 'QUOTA_EXCEEDED')) throw new Error(`not a quota problem: ${error}`);
    // Typed: no optional chaining needed for what a paywall shows.
    const paywall: Pick<ProblemOf<'QUOTA_EXCEEDED'>, 'tier' | 'usage' | 'limit'> = error.data;
    expect(paywall).toMatchObject({ tier: 'free', usage: 0, limit: 0 });
    expect(error.data).toMatchObject({ status: 402, code: 'QUOTA_EXCEEDED' });
  });

  it('narrows a refused query to the rate problem with the retry time', async () => {
    const aria = clientFor('errors-rate');
    let error: unknown;
    for (let call = 0; call < 20 && error === undefined; call += 1) {
      error = await aria.athletes.get.query().then(
        () => undefined,
        (e: unknown) => e,
      );
    }
    expect(isAriaError(error, 'QUOTA_EXCEEDED')).toBe(false);
    if (!isAriaError(error, 'RATE_LIMITED')) throw new Error(`not a rate problem: ${error}`);
    const seconds: number = error.data.retryAfter;
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });

  it('narrows the refusal of a stream, before any event, to the quota problem', async () => {
    const aria = clientFor('errors-stream');
    await aria.coaching.ask.mutate({ question: 'How long should I rest between 150 m reps?' });
    server.advance(61_000); // out of the minute's rate window, still in the month
    const streamed = await failureOf(aria.coaching.askStream.mutate({ question: 'And 300 m?' }));
    const helped = await failureOf(askCoach(aria, { question: 'And 300 m?' }));
    for (const error of [streamed, helped]) {
      if (!isAriaError(error, 'QUOTA_EXCEEDED')) throw new Error(`not a quota problem: ${error}`);
      expect(error.data).toMatchObject({ tier: 'free', usage: 1, limit: 1 });
    }
  });

  it('does not narrow a problem that lacks what its code promises', () => {
    const problem = {
      type: 'urn:aria:problem:quota-exceeded',
      title: 'Monthly quota exceeded',
      status: 402,
      code: 'QUOTA_EXCEEDED',
      detail: 'spent',
      requestId: 'r1',
    };
    const error = TRPCClientError.from({
      error: { message: 'spent', code: -32002, data: problem },
    });
    expect(isAriaError(error)).toBe(true);
    expect(isAriaError(error, 'QUOTA_EXCEEDED')).toBe(false);
    expect(isAriaError(new Error('plain'), 'QUOTA_EXCEEDED')).toBe(false);
  });
});

describe('a stream that fails after it started', () => {
  let ai: ChatCompletionsServer;
  let openai: AriaTestServer;

  beforeAll(async () => {
    ai = await startChatCompletionsServer();
    openai = await startAriaServer({
      OPENAI_API_KEY: ai.apiKey,
      OPENAI_BASE_URL: ai.baseUrl,
      AI_MAX_RETRIES: '0',
    });
  });

  afterAll(async () => {
    await openai?.close();
    await ai?.close();
  });

  it('throws from the loop with the problem in error.data', async () => {
    ai.script({ kind: 'error', status: 500 });
    const aria = createAriaClient({ url: openai.url, token: () => openai.tokenFor('mid-stream') });
    const events = await aria.coaching.askStream.mutate({ question: 'Help with my start?' });
    const error = await (async () => {
      for await (const _event of events) {
        // deltas, if any, before the failure
      }
    })().then(
      () => expect.fail('the stream should have failed'),
      (e: unknown) => e,
    );
    expect(isAriaError(error, 'AI_UNAVAILABLE')).toBe(true);
    expect(isAriaError(error, 'QUOTA_EXCEEDED')).toBe(false);
  });
});
