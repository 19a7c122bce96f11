import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCLink,
} from '@trpc/client';
import superjson from 'superjson';
import {
  type AriaCredentials,
  assertCredentials,
  type HeadersSource,
  resolveHeaders,
} from './credentials.js';
import { problemsAsTrpcErrors } from './problem-response.js';
import {
  globalFetchStreams,
  isStreamingProcedure,
  missingWebStreams,
  refuseStreamsLink,
  requiringStreamedBodies,
} from './streaming.js';
import type { AppRouter } from './types.js';

/** A `fetch`; the global one is used when none is given. */
export type AriaFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The `init` a fetch-based EventSource (such as the `eventsource` package) passes to `fetch`. */
export interface EventSourceFetchInit {
  readonly headers?: Record<string, string>;
  readonly [option: string]: unknown;
}

/** The `fetch` the client hands to an EventSource ponyfill: it adds the request headers. */
export type EventSourceFetch = (url: string | URL, init: EventSourceFetchInit) => Promise<Response>;

/** What the client passes to `new EventSource(url, init)`; a browser's own ignores `fetch`. */
export interface AriaEventSourceInit {
  withCredentials?: boolean;
  fetch?: EventSourceFetch;
}

/** What subscriptions open: the standard `EventSource`, or a ponyfill. */
export type AriaEventSource = new (
  url: string,
  init?: AriaEventSourceInit,
) => {
  readonly CLOSED: number;
  readonly CONNECTING: number;
  readonly OPEN: number;
  readyState: number;
  addEventListener(type: string, listener: (event: object) => void): void;
  removeEventListener(type: string, listener: (event: object) => void): void;
  close(): void;
};

export interface AriaClientBaseOptions {
  /** The tRPC endpoint of the Aria server, e.g. `https://aria.example.com/trpc`. */
  readonly url: string | URL;
  /** Headers sent with every call (the credential header is added on top). */
  readonly headers?: HeadersSource;
  /** The `fetch` to call instead of the global one (tests, proxies, SSR). */
  readonly fetch?: AriaFetch;
  /**
   * The `EventSource` for subscriptions, when the runtime has none or headers are needed:
   * a browser's own `EventSource` cannot send `Authorization` or `X-API-Key`. A ponyfill
   * that takes a `fetch` option (the `eventsource` package does) gets one that adds them.
   */
  readonly EventSource?: AriaEventSource;
  /**
   * Whether `fetch` gives response bodies as web streams. Detected for the global fetch when
   * not given: browsers and Node do, React Native's does not. Pass `true` with a streaming
   * fetch (e.g. Expo's `expo/fetch`); the web stream classes must exist either way. Without
   * streaming, calls go over `httpBatchLink` and `coaching.askStream` fails at once with
   * `StreamingUnsupportedError` (nothing is sent), so `coaching.ask` can be called instead.
   */
  readonly streaming?: boolean;
}

export type AriaClientOptions = AriaClientBaseOptions & AriaCredentials;

/** The typed client: `client.health.query()`, `client.athletes.get.query(…)`, … */
export type AriaClient = TRPCClient<AppRouter>;

/** The transformer both ends use; dates, maps and sets survive the wire. */
export const transformer = superjson;

/**
 * Creates the typed Aria client. Where responses can stream, queries and mutations are
 * batched and streamed (`httpBatchStreamLink`, which also carries `coaching.askStream`);
 * elsewhere they are batched (`httpBatchLink`) and streaming procedures are refused before
 * anything is sent. Subscriptions run over server-sent events (`httpSubscriptionLink`).
 */
export function createAriaClient(options: AriaClientOptions): AriaClient {
  assertCredentials(options);
  const url = String(options.url);
  const requestHeaders = () => resolveHeaders(options);
  const fetchImpl = options.fetch;
  const baseFetch = problemsAsTrpcErrors((input, init) =>
    (fetchImpl ?? globalThis.fetch)(input, init),
  );
  const refusal = streamingRefusalReason(options);
  const calls: TRPCLink<AppRouter> =
    refusal === undefined
      ? httpBatchStreamLink<AppRouter>({
          url,
          transformer,
          headers: requestHeaders,
          fetch: requiringStreamedBodies(baseFetch),
        })
      : httpBatchLink<AppRouter>({ url, transformer, headers: requestHeaders, fetch: baseFetch });
  const subscriptions = httpSubscriptionLink<AppRouter, AriaEventSource>({
    url,
    transformer,
    ...(options.EventSource ? { EventSource: options.EventSource } : {}),
    eventSourceOptions: async (): Promise<AriaEventSourceInit> => {
      const headers = await requestHeaders();
      const sseFetch = fetchImpl ?? globalThis.fetch;
      return {
        fetch: (input, init) =>
          sseFetch(input, { ...init, headers: { ...init.headers, ...headers } }),
      };
    },
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: subscriptions,
        false:
          refusal === undefined
            ? calls
            : splitLink({
                condition: (op) => isStreamingProcedure(op.path),
                true: refuseStreamsLink(refusal),
                false: calls,
              }),
      }),
    ],
  });
}

/** Why this client cannot stream, or `undefined` when it can. */
function streamingRefusalReason(options: AriaClientBaseOptions): string | undefined {
  const missing = missingWebStreams();
  if (missing.length > 0) return `${missing.join(', ')} missing`;
  if (options.streaming === false) return 'streaming: false';
  if (options.streaming === undefined && !globalFetchStreams()) {
    return 'the global fetch has no response body';
  }
  return undefined;
}
