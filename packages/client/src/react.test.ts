import type { MutationOptions } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AriaTestServer, startAriaServer } from '../testing/aria-server.js';
import { createAriaClient } from './index.js';
import {
  createAriaOptions,
  createAriaQueryClient,
  invalidations,
  type MutationPath,
  queryKeyOf,
} from './react.js';

let server: AriaTestServer;

beforeAll(async () => {
  server = await startAriaServer();
});

afterAll(() => server.close());

/** Options and a query client for one athlete, as a TrackLit screen would hold them. */
function screenFor(sub: string) {
  const client = createAriaClient({ url: server.url, token: () => server.tokenFor(sub) });
  const queryClient = createAriaQueryClient({ defaultOptions: { queries: { retry: false } } });
  const aria = createAriaOptions(client, queryClient);
  /** Runs a mutation as `useMutation` does, through the query client's mutation cache. */
  const run = <TData, TError, TVariables>(
    options: MutationOptions<TData, TError, TVariables>,
    variables: TVariables,
  ): Promise<TData> =>
    queryClient.getMutationCache().build(queryClient, options).execute(variables);
  return { client, queryClient, aria, run };
}

const isStale = (screen: ReturnType<typeof screenFor>, key: readonly unknown[]) =>
  screen.queryClient.getQueryState(key)?.isInvalidated === true;

describe('TanStack Query options', () => {
  it('give typed query options with tRPC keys, fetched through the client', async () => {
    const screen = screenFor('react-options');
    const options = screen.aria.athletes.get.queryOptions();
    expect(options.queryKey).toEqual([['athletes', 'get'], { type: 'query' }]);
    const athlete = await screen.queryClient.fetchQuery(options);
    expect(athlete.id).toBe('react-options');
    expect(athlete.createdAt).toBeInstanceOf(Date);
  });

  it('asking refreshes the conversations and the usage, nothing else', async () => {
    const screen = screenFor('react-ask');
    const { aria, queryClient } = screen;
    await queryClient.fetchQuery(aria.coaching.conversations.queryOptions());
    await queryClient.fetchQuery(aria.billing.usage.queryOptions());
    await queryClient.fetchQuery(aria.plans.list.queryOptions());
    await screen.run(aria.coaching.ask.mutationOptions(), { question: 'Warm-up before 60 m?' });
    expect(isStale(screen, aria.coaching.conversations.queryKey())).toBe(true);
    expect(isStale(screen, aria.billing.usage.queryKey())).toBe(true);
    expect(isStale(screen, aria.plans.list.queryKey())).toBe(false);
    const conversations = await queryClient.fetchQuery(aria.coaching.conversations.queryOptions());
    expect(conversations).toHaveLength(1);
  });

  it('generating a plan refreshes the plan list', async () => {
    const service = createAriaClient({ url: server.url, apiKey: server.app.internalApiKey });
    await service.athletes.create
      .mutate({ id: 'react-plan', name: 'Plan Athlete' })
      .catch(() => {});
    await service.billing.setTier.mutate({ athleteId: 'react-plan', tier: 'pro' });
    const screen = screenFor('react-plan');
    const { aria, queryClient } = screen;
    expect((await queryClient.fetchQuery(aria.plans.list.queryOptions())).items).toEqual([]);
    await queryClient.fetchQuery(aria.coaching.conversations.queryOptions());
    const plan = await screen.run(aria.plans.generate.mutationOptions(), {
      event: '100m',
      experienceLevel: 'intermediate',
      daysPerWeek: 4,
      competitionDate: '2027-06-01',
      weeks: 8,
    });
    expect(isStale(screen, aria.plans.list.queryKey())).toBe(true);
    expect(isStale(screen, aria.coaching.conversations.queryKey())).toBe(false);
    const plans = await queryClient.fetchQuery(aria.plans.list.queryOptions());
    expect(plans.items.map((p) => p.id)).toEqual([plan.id]);
  });

  it('name only real queries and routers in the invalidation map', () => {
    const screen = screenFor('react-map');
    const record = screen.aria as unknown as Record<string, Record<string, unknown>>;
    for (const [mutation, scopes] of Object.entries(invalidations)) {
      const [router, procedure] = mutation.split('.') as [string, string];
      expect(record[router]?.[procedure], mutation).toBeDefined();
      for (const scope of scopes) expect(queryKeyOf(scope)[0].length).toBeGreaterThan(0);
    }
    const asks: MutationPath[] = ['coaching.ask', 'coaching.askStream', 'coaching.askEnhanced'];
    for (const ask of asks) {
      expect(invalidations[ask]).toEqual(['coaching.conversations', 'billing.usage']);
    }
  });
});
