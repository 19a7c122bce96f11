import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from './types.js';

/**
 * Procedures whose answer is a stream (an async iterable over `httpBatchStreamLink`). A
 * type test keeps this list equal to the router's streaming procedures.
 */
export const streamingProcedures = ['coaching.askStream'] as const;

export function isStreamingProcedure(path: string): boolean {
  return (streamingProcedures as readonly string[]).includes(path);
}

/** The web stream classes tRPC reads a streamed answer with. */
const webStreamGlobals = ['ReadableStream', 'TransformStream', 'TextDecoderStream'] as const;

/** The web stream classes this runtime lacks (React Native has none of them). */
export function missingWebStreams(): string[] {
  const scope = globalThis as Record<string, unknown>;
  return webStreamGlobals.filter((name) => typeof scope[name] !== 'function');
}

/**
 * Whether the global `fetch` gives response bodies as streams. React Native's (a
 * whatwg-fetch polyfill over XMLHttpRequest) has no `Response.prototype.body`.
 */
export function globalFetchStreams(): boolean {
  return typeof Response === 'function' && 'body' in Response.prototype;
}

/**
 * A streaming call this runtime cannot make. `sent` is false when the client refused before
 * sending anything (nothing was charged, so `coaching.ask` may be called instead), true when
 * the answer arrived without a readable body (the call ran on the server).
 */
export class StreamingUnsupportedError extends Error {
  override readonly name = 'StreamingUnsupportedError';
  readonly code = 'STREAMING_UNSUPPORTED';
  constructor(
    message: string,
    readonly sent: boolean,
  ) {
    super(message);
  }
}

/** True when a call failed because this runtime cannot stream (see `StreamingUnsupportedError`). */
export function isStreamingUnsupported(
  error: unknown,
): error is TRPCClientError<AppRouter> & { readonly cause: StreamingUnsupportedError } {
  return error instanceof TRPCClientError && error.cause instanceof StreamingUnsupportedError;
}

export function streamingRefusal(reason: string): StreamingUnsupportedError {
  return new StreamingUnsupportedError(
    `${reason}: this runtime cannot stream a response, so the streaming procedure was not called. Call coaching.ask instead, or pass a streaming fetch (and the web stream classes) to createAriaClient.`,
    false,
  );
}

/** Ends streaming calls at once, before anything is sent, when the runtime cannot stream. */
export function refuseStreamsLink(reason: string): TRPCLink<AppRouter> {
  return () => () =>
    observable((observer) => {
      observer.error(TRPCClientError.from(streamingRefusal(reason)));
    });
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps the streaming link's `fetch`: an answer without a readable body fails at once
 * instead of waiting on a stream that never comes (or reading it all at the end).
 */
export function requiringStreamedBodies(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const body: unknown = response.body;
    const readable =
      typeof body === 'object' &&
      body !== null &&
      typeof Reflect.get(body, 'getReader') === 'function';
    if (!response.ok || readable) return response;
    throw new StreamingUnsupportedError(
      'Aria answered, but this fetch gives no readable response body; pass a fetch that streams (see the client README).',
      true,
    );
  };
}
