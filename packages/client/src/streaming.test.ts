/**
 * A runtime whose fetch cannot stream (React Native's: a whatwg-fetch polyfill over
 * XMLHttpRequest, no web streams): streaming calls are refused before anything is sent,
 * everything else works, and `askCoach` falls back to `coaching.ask`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AriaTestServer, startAriaServer } from '../testing/aria-server.js';
import {
  type AriaFetch,
  type AskStreamEvent,
  askCoach,
  createAriaClient,
  isAriaError,
  isStreamingUnsupported,
  type RouterOutputs,
  type streamingProcedures,
} from './index.js';

let server: AriaTestServer;

beforeAll(async () => {
  server = await startAriaServer();
});

afterAll(() => server.close());

/** A Response as whatwg-fetch builds it: the text at once, no `body`. */
class BufferedResponse {
  readonly ok: boolean;
  constructor(
    private readonly text_: string,
    readonly status: number,
    readonly headers: Headers,
  ) {
    this.ok = status >= 200 && status < 300;
  }
  async text() {
    return this.text_;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.text_);
  }
}

/**
 * Creates a client as React Native would: the client decides at creation what the runtime
 * can do, so the globals are taken away for that moment only (the in-process server and
 * Node's own fetch need them back for the calls).
 */
function createdWithout<T>(globals: readonly string[], create: () => T): T {
  for (const name of globals)
    vi.stubGlobal(name, name === 'Response' ? BufferedResponse : undefined);
  try {
    return create();
  } finally {
    vi.unstubAllGlobals();
  }
}

const reactNativeGlobals = ['ReadableStream', 'TransformStream', 'TextDecoderStream', 'Response'];

/** React Native's fetch: the whole text at once, no `body`; records what it sends. */
function bufferingFetch() {
  const requests: string[] = [];
  const fetch: AriaFetch = async (input, init) => {
    requests.push(String(input));
    const response = await globalThis.fetch(input, init);
    return new BufferedResponse(
      await response.text(),
      response.status,
      response.headers,
    ) as unknown as Response;
  };
  return { fetch, requests };
}

const asker = (sub: string, options: { fetch?: AriaFetch; streaming?: boolean } = {}) =>
  createAriaClient({ url: server.url, token: () => server.tokenFor(sub), ...options });

/** A client created on React Native's runtime, calling through its buffering fetch. */
function reactNativeAsker(sub: string) {
  const { fetch, requests } = bufferingFetch();
  const aria = createdWithout(reactNativeGlobals, () => asker(sub, { fetch }));
  return { aria, requests };
}

async function usedAsks(sub: string): Promise<number> {
  const usage: RouterOutputs['billing']['usage'] = await asker(sub).billing.usage.query();
  return usage.byKind.ask.used;
}

describe('on a runtime that cannot stream', () => {
  it('refuses askStream at once, sends nothing and charges nothing', async () => {
    const { aria, requests } = reactNativeAsker('rn-refused');
    const started = performance.now();
    const error = await aria.coaching.askStream.mutate({ question: 'Taper?' }).then(
      () => expect.fail('askStream should be refused'),
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    if (!isStreamingUnsupported(error)) throw new Error(`not a streaming refusal: ${error}`);
    expect(error.cause.sent).toBe(false);
    expect(error.message).toMatch(/TextDecoderStream/);
    expect(isAriaError(error)).toBe(false);
    expect(requests).toEqual([]);
    expect(await usedAsks('rn-refused')).toBe(0);
  });

  it('answers every other call over the plain batch link, typed and batched', async () => {
    const { aria, requests } = reactNativeAsker('rn-calls');
    const [health, athlete] = await Promise.all([aria.health.query(), aria.athletes.get.query()]);
    expect(health.time).toBeInstanceOf(Date);
    expect(athlete.id).toBe('rn-calls');
    expect(requests).toHaveLength(1);
    const refused = await aria.plans.generate
      .mutate({
        event: '200m',
        experienceLevel: 'beginner',
        daysPerWeek: 3,
        competitionDate: '2027-05-01',
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isAriaError(refused, 'QUOTA_EXCEEDED')).toBe(true);
  });

  it('askCoach falls back to coaching.ask: one charge, the whole answer at once', async () => {
    const { aria } = reactNativeAsker('rn-fallback');
    const events: AskStreamEvent[] = [];
    const result = await askCoach(
      aria,
      { question: 'How do I improve my block start?' },
      { onEvent: (event) => events.push(event) },
    );
    expect(result.streamed).toBe(false);
    expect(events).toEqual([]);
    expect(result.answer.recommendation.length).toBeGreaterThan(0);
    expect(await usedAsks('rn-fallback')).toBe(1);
    const [conversation] = await asker('rn-fallback').coaching.conversations.query();
    expect(conversation?.id).toBe(result.answer.conversationId);
  });

  it('askCoach with fallback off rejects with the refusal', async () => {
    const { aria } = reactNativeAsker('rn-no-fallback');
    const error = await askCoach(aria, { question: 'Hi' }, { fallback: false })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(isStreamingUnsupported(error)).toBe(true);
  });

  it('refuses when only the global fetch lacks response bodies', async () => {
    const aria = createdWithout(['Response'], () => asker('no-body'));
    const error = await aria.coaching.askStream.mutate({ question: 'Hi' }).catch((e: unknown) => e);
    expect(isStreamingUnsupported(error)).toBe(true);
    expect(String(error)).toMatch(/no response body/);
  });

  it('also refuses when told the fetch does not stream', async () => {
    const error = await asker('told-no-stream', { streaming: false })
      .coaching.askStream.mutate({ question: 'Hi' })
      .catch((e: unknown) => e);
    expect(isStreamingUnsupported(error)).toBe(true);
  });
});

describe('with a streaming fetch passed in', () => {
  it('streams although the global fetch cannot', async () => {
    const streamingFetch: AriaFetch = (input, init) => globalThis.fetch(input, init);
    // The global fetch's responses have no body, the fetch passed in streams.
    const aria = createdWithout(['Response'], () =>
      asker('streaming-fetch', { fetch: streamingFetch, streaming: true }),
    );
    const events: AskStreamEvent[] = [];
    const result = await askCoach(
      aria,
      { question: 'How do I improve my block start?' },
      {
        onEvent: (event) => events.push(event),
      },
    );
    expect(result.streamed).toBe(true);
    expect(events.filter((event) => event.type === 'delta').length).toBeGreaterThan(3);
    expect(events.at(-1)).toEqual({ type: 'answer', answer: result.answer });
  });

  it('fails fast, without hanging, when that fetch gives no readable body after all', async () => {
    const realFetch = globalThis.fetch;
    const buffering: AriaFetch = async (input, init) => {
      const response = await realFetch(input, init);
      return new BufferedResponse(
        await response.text(),
        response.status,
        response.headers,
      ) as unknown as Response;
    };
    const aria = asker('lying-fetch', { fetch: buffering, streaming: true });
    const error = await aria.coaching.askStream.mutate({ question: 'Hi' }).catch((e: unknown) => e);
    if (!isStreamingUnsupported(error)) throw new Error(`not a streaming refusal: ${error}`);
    // The server answered: this is not refused before sending, so askCoach does not ask again.
    expect(error.cause.sent).toBe(true);
    const helped = await askCoach(aria, { question: 'Hi' }).catch((e: unknown) => e);
    expect(isStreamingUnsupported(helped)).toBe(true);
  }, 10_000);
});

describe('the streaming procedures', () => {
  it('are exactly the procedures whose answer is an async iterable', () => {
    type Outputs = RouterOutputs;
    type StreamingPaths = {
      [R in keyof Outputs]: {
        [P in keyof Outputs[R]]: Outputs[R][P] extends AsyncIterable<unknown>
          ? `${R & string}.${P & string}`
          : never;
      }[keyof Outputs[R]];
    }[keyof Outputs];
    type Listed = (typeof streamingProcedures)[number];
    const listedAreStreaming: Listed extends StreamingPaths ? true : false = true;
    const streamingAreListed: StreamingPaths extends Listed ? true : false = true;
    expect([listedAreStreaming, streamingAreListed]).toEqual([true, true]);
  });
});
