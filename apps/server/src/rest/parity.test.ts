import type { AppRouter } from '@aria/api';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import {
  asService,
  asUser,
  type CallerHeaders,
  createArticle,
  createAthlete,
  expectJson,
  expectProblem,
  rest,
} from '../testing/rest.js';

// The REST adapter and tRPC run the same procedures: same results, same problems.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createAthlete(t, 'parity-ath', 'Parity Runner');
  await createArticle(t, 'Reactive strength for sprinters');
  await createArticle(t, 'Hurdle mobility');
});
afterAll(() => t.deps.close());

function trpc(headers: CallerHeaders) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: 'http://aria.test/trpc',
        transformer: superjson,
        headers,
        fetch: async (url, init) => t.app.request(String(url), init as RequestInit),
      }),
    ],
  });
}

/** What a tRPC result looks like once sent as plain JSON (Dates become ISO strings). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The problem a tRPC call failed with (`error.data`). */
async function trpcProblem(call: Promise<unknown>): Promise<Problem> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error('the tRPC call did not fail');
  return error.data as Problem;
}

type Problem = Record<string, unknown>;

const withoutRequestId = ({ requestId: _, ...rest }: Problem) => rest;

describe('REST and tRPC agree', () => {
  it('on athletes.get', async () => {
    const headers = await asUser(t, 'parity-ath');
    const viaRest = await expectJson(await rest(t, 'get', '/v1/athletes/me', { headers }), 200);
    const viaTrpc = await trpc(headers).athletes.get.query({});
    expect(viaRest).toEqual(asJson(viaTrpc));
    expect(viaRest).toMatchObject({ id: 'parity-ath', name: 'Parity Runner' });
  });

  it('on athletes.get by id for the service', async () => {
    const headers = asService(t);
    const viaRest = await expectJson(
      await rest(t, 'get', '/v1/athletes/parity-ath', { headers }),
      200,
    );
    expect(viaRest).toEqual(
      asJson(await trpc(headers).athletes.get.query({ athleteId: 'parity-ath' })),
    );
  });

  it('on knowledge.list with q', async () => {
    const headers = await asUser(t, 'parity-ath');
    const response = await rest(t, 'get', '/v1/knowledge?q=reactive&limit=10', { headers });
    const viaRest = (await expectJson(response, 200)) as { items: { title: string }[] };
    const viaTrpc = await trpc(headers).knowledge.list.query({ q: 'reactive', limit: 10 });
    expect(viaRest).toEqual(asJson(viaTrpc));
    expect(viaRest.items.map((item) => item.title)).toEqual(['Reactive strength for sprinters']);
  });

  it('on a NOT_FOUND', async () => {
    const headers = await asUser(t, 'parity-other');
    const viaRest = await expectProblem(
      await rest(t, 'get', '/v1/athletes/parity-ath', { headers }),
      404,
      'NOT_FOUND',
    );
    const viaTrpc = await trpcProblem(
      trpc(headers).athletes.get.query({ athleteId: 'parity-ath' }),
    );
    expect(viaTrpc.code).toBe('NOT_FOUND');
    expect(withoutRequestId({ ...viaRest })).toEqual(withoutRequestId(viaTrpc));
  });

  it('on a FORBIDDEN', async () => {
    const headers = await asUser(t, 'parity-ath');
    const article = { title: 'Not mine to add', summary: 'Athletes cannot write.', tags: [] };
    const viaRest = await expectProblem(
      await rest(t, 'post', '/v1/knowledge', { headers, body: article }),
      403,
      'FORBIDDEN',
    );
    const viaTrpc = await trpcProblem(trpc(headers).knowledge.create.mutate(article));
    expect(viaTrpc.code).toBe('FORBIDDEN');
    expect(withoutRequestId({ ...viaRest })).toEqual(withoutRequestId(viaTrpc));
  });

  it('on a BAD_REQUEST input, issues included', async () => {
    const headers = await asUser(t, 'parity-ath');
    const report = { mood: 'ecstatic', energy: 11 };
    const viaRest = await expectProblem(
      await rest(t, 'post', '/v1/athletes/me/mood', { headers, body: report }),
      400,
      'BAD_REQUEST',
    );
    // Sent raw: the typed client would not let the invalid mood through.
    const response = await t.app.request('/trpc/athletes.reportMood', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(superjson.serialize(report)),
    });
    expect(response.status).toBe(400);
    const envelope = (await response.json()) as { error: { json: { data: Problem } } };
    const viaTrpc = envelope.error.json.data;
    expect(viaTrpc.code).toBe('BAD_REQUEST');
    expect(viaRest.issues?.map((issue) => issue.path).sort()).toEqual(['energy', 'mood']);
    expect(withoutRequestId({ ...viaRest })).toEqual(withoutRequestId(viaTrpc));
  });

  it('on a CONFLICT', async () => {
    const headers = asService(t);
    const body = { id: 'parity-ath' };
    const viaRest = await expectProblem(
      await rest(t, 'post', '/v1/athletes', { headers, body }),
      409,
      'CONFLICT',
    );
    const viaTrpc = await trpcProblem(trpc(headers).athletes.create.mutate(body));
    expect(withoutRequestId({ ...viaRest })).toEqual(withoutRequestId(viaTrpc));
  });
});
