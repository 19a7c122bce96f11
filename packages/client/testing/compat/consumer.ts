/**
 * What TrackLit's apps write against the published client, compiled by the consumer-side
 * TypeScript matrix in consumer.test.ts (lowest supported TypeScript, `bundler` and `node16`
 * resolution, React 18 and 19 types). Every line must compile; the `@ts-expect-error` lines
 * must not.
 */
import {
  askCoach,
  createAriaClient,
  isAriaError,
  isStreamingUnsupported,
  type RouterInputs,
} from '@aria/client';
import {
  createAriaOptions,
  createAriaQueryClient,
  invalidations,
  useAria,
  useAskStream,
} from '@aria/client/react';
import { useMutation, useQuery } from '@tanstack/react-query';

const client = createAriaClient({ url: 'https://aria.example.com/trpc', token: () => 'jwt' });
const queryClient = createAriaQueryClient();
const aria = createAriaOptions(client, queryClient);

export const usageOptions = aria.billing.usage.queryOptions();
export const refreshedByAsk: readonly string[] = invalidations['coaching.ask'];

export function useScreen() {
  const plans = useQuery(useAria().plans.list.queryOptions());
  const generate = useMutation(useAria().plans.generate.mutationOptions());
  const ask = useAskStream();
  const weeks: number | undefined = generate.data?.plan.weeks;
  const listed: number | undefined = plans.data?.items.length;
  const draft: string = ask.draft.analysis + ask.draft.recommendation;
  return { weeks, listed, draft, ask: () => ask.mutate({ question: 'Taper?' }) };
}

export function explain(error: unknown): string {
  if (isAriaError(error, 'QUOTA_EXCEEDED')) {
    return `${error.data.tier}: ${error.data.usage} of ${error.data.limit}`;
  }
  if (isAriaError(error, 'RATE_LIMITED')) return `retry in ${error.data.retryAfter} s`;
  if (isStreamingUnsupported(error)) return error.cause.sent ? 'sent' : 'not sent';
  return isAriaError(error) ? error.data.detail : 'unreachable';
}

export async function answer(): Promise<string> {
  const { answer, streamed } = await askCoach(client, { question: 'Block starts?' });
  return streamed ? answer.recommendation : answer.analysis;
}

// @ts-expect-error: not an event the plan generator knows
export const wrongEvent: RouterInputs['plans']['generate']['event'] = '50m';

export function wrongNarrowing(error: unknown): number {
  // @ts-expect-error: a rate problem has no tier
  return isAriaError(error, 'RATE_LIMITED') ? error.data.tier : 0;
}
