import { getUntypedClient } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The real server app (Hono on in-memory PGlite), called in-process through `fetch`.
import { createTestApp, type TestApp } from '../../../apps/server/src/testing/app.js';
import {
  type AriaEventSourceInit,
  type AriaFetch,
  createAriaClient,
  type EventSourceFetch,
  isAriaError,
  problemOf,
  type RouterOutputs,
} from './index.js';

const url = 'http://aria.test/trpc';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.deps.close());

/** The app's own `fetch`, recording the headers of every request it is given. */
function recordingFetch() {
  const requests: Headers[] = [];
  const fetch: AriaFetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.headers);
    return t.app.request(request);
  };
  return { fetch, requests };
}

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  );
}

describe('createAriaClient against the real server', () => {
  it('calls health with superjson end to end: the time is a Date', async () => {
    const { fetch } = recordingFetch();
    const health: RouterOutputs['health'] = await createAriaClient({ url, fetch }).health.query();
    expect(health.status).toBe('ok');
    expect(health.time).toBeInstanceOf(Date);
  });

  it('batches calls made together into one request', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createAriaClient({ url, fetch });
    const [a, b] = await Promise.all([client.health.query(), client.health.query()]);
    expect(a.status).toBe('ok');
    expect(b.status).toBe('ok');
    expect(requests).toHaveLength(1);
  });

  it('identifies with a bearer token from a function, asked once per request', async () => {
    const { fetch, requests } = recordingFetch();
    let asked = 0;
    const client = createAriaClient({
      url,
      fetch,
      token: () => {
        asked += 1;
        return t.tokenFor('client-test-athlete');
      },
    });
    const athlete = await client.athletes.get.query();
    await client.athletes.get.query();
    expect(athlete.id).toBe('client-test-athlete');
    expect(athlete.createdAt).toBeInstanceOf(Date);
    expect(asked).toBe(2);
    expect(requests.map((h) => h.get('authorization')?.startsWith('Bearer '))).toEqual([
      true,
      true,
    ]);
    expect(requests[0]?.get('x-api-key')).toBeNull();
  });

  it('identifies with an API key (here the service key, acting for an athlete)', async () => {
    const { fetch, requests } = recordingFetch();
    const client = createAriaClient({ url, fetch, apiKey: t.internalApiKey });
    const athlete = await client.athletes.get.query({ athleteId: 'client-test-athlete' });
    expect(athlete.id).toBe('client-test-athlete');
    expect(requests[0]?.get('x-api-key')).toBe(t.internalApiKey);
    expect(requests[0]?.get('authorization')).toBeNull();
  });

  it('reads the contract problem of a refused call', async () => {
    const { fetch } = recordingFetch();
    const error = await failureOf(createAriaClient({ url, fetch }).athletes.get.query());
    expect(isAriaError(error)).toBe(true);
    expect(problemOf(error)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    if (isAriaError(error)) {
      // Narrowed: `data` is the typed problem.
      expect(error.data.requestId).toEqual(expect.any(String));
      expect(error.data.type).toBe('urn:aria:problem:unauthorized');
    }
  });

  it('reads the problem of a procedure the server does not have', async () => {
    const { fetch } = recordingFetch();
    const untyped = getUntypedClient(createAriaClient({ url, fetch }));
    const error = await failureOf(untyped.query('no.such.procedure'));
    expect(problemOf(error)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('reads the problem of a failure answered before tRPC (body too large)', async () => {
    const { fetch } = recordingFetch();
    const untyped = getUntypedClient(createAriaClient({ url, fetch }));
    const error = await failureOf(untyped.mutation('no.such.procedure', 'x'.repeat(1_100_000)));
    // Read as any tRPC failure: the problem is the error's data.
    expect(isAriaError(error, 'PAYLOAD_TOO_LARGE')).toBe(true);
    expect(problemOf(error)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('has no problem for a failure the server did not answer', async () => {
    const fetch: AriaFetch = () => Promise.reject(new TypeError('fetch failed'));
    const error = await failureOf(createAriaClient({ url, fetch }).health.query());
    expect(isAriaError(error)).toBe(false);
    expect(problemOf(error)).toBeUndefined();
    expect(problemOf(new Error('not from tRPC'))).toBeUndefined();
  });

  it('refuses a token and an API key together, also in types', () => {
    expect(() =>
      // @ts-expect-error: exactly one credential (or none)
      createAriaClient({ url, token: 'jwt', apiKey: 'aria_sk_1' }),
    ).toThrow(/not both/);
  });
});

describe('subscriptions', () => {
  it('open an EventSource whose fetch carries the credential and custom headers', async () => {
    const opened: { url: string; fetch: EventSourceFetch | undefined }[] = [];
    const forwarded: Headers[] = [];
    class RecordingEventSource {
      readonly CLOSED = 2;
      readonly CONNECTING = 0;
      readonly OPEN = 1;
      readyState = 0;
      constructor(url: string, init?: AriaEventSourceInit) {
        opened.push({ url, fetch: init?.fetch });
      }
      addEventListener() {}
      removeEventListener() {}
      close() {}
    }
    const client = createAriaClient({
      url,
      token: 'jwt-1',
      headers: { 'x-trace': 't1' },
      EventSource: RecordingEventSource,
      fetch: async (input, init) => {
        forwarded.push(new Request(input, init).headers);
        return new Response(null, { status: 204 });
      },
    });
    const subscription = getUntypedClient(client).subscription('coaching.stream', undefined, {
      onError: () => {},
    });
    await expect.poll(() => opened.length).toBe(1);
    subscription.unsubscribe();

    expect(opened[0]?.url).toMatch(/^http:\/\/aria\.test\/trpc\/coaching\.stream/);
    await opened[0]?.fetch?.(String(opened[0]?.url), { headers: { accept: 'text/event-stream' } });
    expect(forwarded[0]?.get('authorization')).toBe('Bearer jwt-1');
    expect(forwarded[0]?.get('x-trace')).toBe('t1');
    expect(forwarded[0]?.get('accept')).toBe('text/event-stream');
  });
});
