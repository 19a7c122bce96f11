/**
 * How TrackLit's web app uses the published client: a browser build (DOM types only, no
 * Node types), strict compiler options, and nothing from the Aria server but this package.
 */
import {
  type AriaClient,
  createAriaClient,
  isAriaError,
  type Problem,
  problemOf,
  type RouterOutputs,
} from '@aria/client';

/** TrackLit keeps its session token fresh; the client asks for it before every request. */
export function createTrackLitClient(getSessionToken: () => Promise<string>): AriaClient {
  return createAriaClient({
    url: 'https://aria.example.com/trpc',
    token: getSessionToken,
    headers: { 'X-Client': 'tracklit-web' },
    // The browser's own EventSource fits the subscription option.
    EventSource,
  });
}

/** A partner backend identifies with an Aria API key instead. */
export function createPartnerClient(apiKey: string): AriaClient {
  return createAriaClient({ url: 'https://aria.example.com/trpc', apiKey });
}

/** Public calls need no credential. */
export const publicClient: AriaClient = createAriaClient({ url: 'https://aria.example.com/trpc' });

export type Health = RouterOutputs['health'];

export async function serverClock(client: AriaClient): Promise<Date> {
  const health: Health = await client.health.query();
  const time: Date = health.time;
  return time;
}

/** What the UI shows for a failed call. */
export function describeFailure(error: unknown): string {
  if (isAriaError(error)) {
    const problem: Problem = error.data;
    return `${problem.title} (${problem.code}, request ${problem.requestId})`;
  }
  const problem = problemOf(error);
  return problem ? problem.detail : 'Aria is unreachable.';
}
