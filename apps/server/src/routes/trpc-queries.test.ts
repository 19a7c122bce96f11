import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { asService, asUser, type CallerHeaders, createAthlete } from '../testing/rest.js';

// The lean query path must answer exactly what tRPC's fetch adapter answers: both apps share
// one set of adapters, and each request goes to both with the same request id.

let t: TestApp;
let adapterOnly: TestApp['app'];

beforeAll(async () => {
  t = await createTestApp();
  adapterOnly = createApp({
    deps: t.deps,
    logger: createLogger({ logLevel: 'silent' }),
    lifecycle: t.lifecycle,
    leanTrpcQueries: false,
  });
  await createAthlete(t, 'lean-ath', 'Lean Runner');
});
afterAll(() => t.deps.close());

const comparedHeaders = [
  'content-type',
  'vary',
  'x-ratelimit-limit',
  'x-subscription-tier',
  'x-monthly-usage',
  'x-monthly-limit',
];
/** Counted down between the two calls of a pair, or seconds that may tick over: there or not. */
const presentHeaders = ['retry-after', 'x-ratelimit-reset', 'x-ratelimit-remaining'];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | null>;
  readonly body: unknown;
}

/** A 429's seconds to wait, in its message and `retryAfter`, may tick over between the calls. */
function withoutRetrySeconds(body: string): unknown {
  return JSON.parse(
    body
      .replace(/retry in \d+ s/g, 'retry in N s')
      .replace(/"retryAfter":\d+/g, '"retryAfter":"N"'),
  );
}

async function answerOf(response: Response): Promise<Answer> {
  const headers = Object.fromEntries([
    ...comparedHeaders.map((name) => [name, response.headers.get(name)]),
    ...presentHeaders.map((name) => [name, response.headers.has(name) ? 'present' : null]),
  ]);
  return { status: response.status, headers, body: withoutRetrySeconds(await response.text()) };
}

let sequence = 0;
/** The same GET to both apps; answers the lean one after checking it equals the adapter's. */
async function both(path: string, headers: CallerHeaders = {}): Promise<Answer> {
  const requestId = `lean-parity-${++sequence}`;
  const init = { headers: { ...headers, 'X-Request-Id': requestId } };
  const reference = await answerOf(await adapterOnly.request(path, init));
  const lean = await answerOf(await t.app.request(path, init));
  expect(lean).toEqual(reference);
  return lean;
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe('GET queries on the lean path answer what the fetch adapter answers', () => {
  it('a public query, alone and batched', async () => {
    expect((await both('/trpc/billing.tiers')).status).toBe(200);
    const batch = await both('/trpc/billing.tiers,billing.tiers?batch=1');
    expect(batch.body).toHaveLength(2);
  });

  it('a read with superjson input and output (dates)', async () => {
    const answer = await both(
      `/trpc/athletes.get?input=${input({ json: { athleteId: 'lean-ath' } })}`,
      asService(t),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ result: { data: { meta: expect.anything() } } });
  });

  it('the errors: unauthenticated, invalid input, unknown athlete, unparsable input', async () => {
    const read = `/trpc/athletes.get?input=${input({ json: { athleteId: 'lean-ath' } })}`;
    expect((await both(read)).status).toBe(401);
    const invalid = `/trpc/athletes.get?input=${input({ json: { athleteId: 42 } })}`;
    expect((await both(invalid, asService(t))).status).toBe(400);
    const unknown = `/trpc/athletes.get?input=${input({ json: { athleteId: 'nobody-here' } })}`;
    expect((await both(unknown, asService(t))).status).toBe(404);
    expect((await both('/trpc/athletes.get?input=%7Bnot-json', asService(t))).status).toBe(400);
  });

  it('batches: all failed with one status, mixed (207), and input that is not an object', async () => {
    const read = input({
      0: { json: { athleteId: 'lean-ath' } },
      1: { json: { athleteId: 'nobody-here' } },
    });
    const mixed = await both(`/trpc/athletes.get,athletes.get?batch=1&input=${read}`, asService(t));
    expect(mixed.status).toBe(207);
    const failed = await both(`/trpc/athletes.get,athletes.get?batch=1&input=${read}`);
    expect(failed.status).toBe(401);
    expect((await both('/trpc/billing.tiers,billing.tiers?batch=1&input=5')).status).toBe(200);
    expect(
      (await both(`/trpc/athletes.get,billing.tiers?batch=1&input=5`, asService(t))).status,
    ).toBe(207);
  });

  it('metered reads: rate headers on success, then the same 429 problem', async () => {
    const caller = await asUser(t, 'lean-metered');
    const answers: Answer[] = [];
    // Free tier: 10 reads a minute; each round spends two (one per app).
    for (let round = 0; round < 6; round++) answers.push(await both('/trpc/athletes.get', caller));
    expect(answers[0]?.status).toBe(200);
    expect(answers[0]?.headers['x-ratelimit-limit']).toBe('10');
    expect(answers.at(-1)?.status).toBe(429);
    expect(answers.at(-1)?.headers['retry-after']).toBe('present');
    expect(answers.at(-1)?.body).toMatchObject({
      error: { json: { data: { code: 'RATE_LIMITED', retryAfter: 'N' } } },
    });
  });

  it('leaves to the fetch adapter what it does not answer itself', async () => {
    // Unknown procedure, a mutation over GET, a batch without batch=1, an extra parameter,
    // a content type, a stream.
    expect((await both('/trpc/nothing.here')).status).toBe(404);
    expect((await both('/trpc/athletes.create', asService(t))).status).toBe(405);
    expect((await both('/trpc/billing.tiers,billing.tiers')).status).toBe(404);
    expect((await both('/trpc/billing.tiers?connectionParams=1')).status).toBe(400);
    expect((await both('/trpc/billing.tiers', { 'Content-Type': 'application/json' })).status).toBe(
      200,
    );
  });
});
