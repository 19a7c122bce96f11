import type { Config } from '@aria/config';
import type { TrackLitAthleteContext, TrackLitContextSkipReason } from '@aria/core';
import { type CircuitState, createCircuitBreaker } from './circuit-breaker.js';
import { describeContextIssues, trackLitContextSchema } from './context-schema.js';

/** What a lookup found; it never rejects, so TrackLit can never fail a question. */
export type TrackLitContextLookup =
  /** `context` is null when TrackLit knows no such athlete (404). */
  | {
      readonly outcome: 'fetched' | 'cached';
      readonly context: TrackLitAthleteContext | null;
    }
  | {
      readonly outcome: 'skipped';
      readonly context: null;
      readonly reason: TrackLitContextSkipReason;
      /** What went wrong, for the log line. */
      readonly detail: string;
    };

export interface TrackLitContextSource {
  lookup(athleteId: string): Promise<TrackLitContextLookup>;
  /** The circuit breaker in front of TrackLit. */
  readonly circuit: CircuitState;
}

export interface TrackLitContextClientOptions {
  /** TrackLit's API base URL (TRACKLIT_API_URL). */
  readonly baseUrl: string;
  /** Sent as `X-API-Key` (INTERNAL_API_KEY). */
  readonly apiKey: string | undefined;
  readonly timeoutMs: number;
  /** 0 turns the cache off. */
  readonly cacheTtlMs: number;
  readonly breakerFailures: number;
  readonly breakerCooldownMs: number;
  /** Most athletes held in the cache at once; the least recently stored go first. */
  readonly cacheMaxEntries?: number;
  /** Largest body read; a longer one is an invalid response. */
  readonly maxBodyBytes?: number;
  readonly fetch?: typeof fetch;
  /** Milliseconds (cache expiry and the breaker's cool-down); tests move it. */
  readonly now?: () => number;
}

export const contextPath = (athleteId: string) =>
  `/api/athletes/${encodeURIComponent(athleteId)}/context`;

const defaultCacheMaxEntries = 5_000;
const defaultMaxBodyBytes = 256 * 1024;

/** A failed request, sorted into the reason it is counted under. */
class ContextFailure extends Error {
  constructor(
    readonly reason: TrackLitContextSkipReason,
    detail: string,
  ) {
    super(detail);
  }
}

function requestFailure(error: unknown, signal: AbortSignal): ContextFailure {
  if (signal.aborted) return new ContextFailure('timeout', 'no answer within the timeout');
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new ContextFailure('unreachable', message);
}

/** The body as text, refusing more than `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new ContextFailure('invalid_response', `body of ${declared} bytes is too large`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ContextFailure('invalid_response', `body larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseContext(body: string): TrackLitAthleteContext {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ContextFailure('invalid_response', 'body is not JSON');
  }
  const parsed = trackLitContextSchema.safeParse(json);
  if (!parsed.success) {
    throw new ContextFailure('invalid_response', describeContextIssues(parsed.error));
  }
  return parsed.data;
}

/**
 * Reads athletes' training context from TrackLit: `GET {baseUrl}/api/athletes/{id}/context`
 * with the internal key, within `timeoutMs` (connection, headers and body alike), validated,
 * cached per athlete for `cacheTtlMs` in this process (at most `cacheMaxEntries` athletes),
 * behind a circuit breaker. Concurrent lookups for one athlete share one request. A failure
 * (timeout, no connection, a status other than 200 or 404, an invalid body) is an answer
 * without context, with its reason; it is not cached, and it counts towards opening the circuit.
 */
export function createTrackLitContextClient(
  options: TrackLitContextClientOptions,
): TrackLitContextSource {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const base = options.baseUrl.replace(/\/+$/, '');
  const maxEntries = options.cacheMaxEntries ?? defaultCacheMaxEntries;
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const breaker = createCircuitBreaker({
    failureThreshold: options.breakerFailures,
    coolDownMs: options.breakerCooldownMs,
    now,
  });
  const cache = new Map<string, { context: TrackLitAthleteContext | null; expiresAt: number }>();
  const inFlight = new Map<string, Promise<TrackLitContextLookup>>();

  const remember = (athleteId: string, context: TrackLitAthleteContext | null) => {
    if (options.cacheTtlMs <= 0) return;
    cache.delete(athleteId);
    cache.set(athleteId, { context, expiresAt: now() + options.cacheTtlMs });
    for (const oldest of cache.keys()) {
      if (cache.size <= maxEntries) break;
      cache.delete(oldest);
    }
  };

  const cached = (athleteId: string) => {
    const entry = cache.get(athleteId);
    if (entry && entry.expiresAt > now()) return entry;
    cache.delete(athleteId);
    return undefined;
  };

  const request = async (athleteId: string): Promise<TrackLitAthleteContext | null> => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const response = await send(`${base}${contextPath(athleteId)}`, {
        headers: {
          accept: 'application/json',
          ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
        },
        redirect: 'error',
        signal,
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new ContextFailure('http_error', `TrackLit answered ${response.status}`);
      }
      return parseContext(await readLimited(response, maxBodyBytes));
    } catch (error) {
      throw error instanceof ContextFailure ? error : requestFailure(error, signal);
    }
  };

  const fetchContext = async (athleteId: string): Promise<TrackLitContextLookup> => {
    const permit = breaker.admit();
    if (!permit) {
      return {
        outcome: 'skipped',
        context: null,
        reason: 'circuit_open',
        detail: 'the circuit is open after repeated failures',
      };
    }
    try {
      const context = await request(athleteId);
      permit.succeeded();
      remember(athleteId, context);
      return { outcome: 'fetched', context };
    } catch (error) {
      permit.failed();
      const failure =
        error instanceof ContextFailure ? error : new ContextFailure('unreachable', String(error));
      return { outcome: 'skipped', context: null, reason: failure.reason, detail: failure.message };
    }
  };

  return {
    get circuit() {
      return breaker.state;
    },
    lookup(athleteId) {
      const hit = cached(athleteId);
      if (hit) return Promise.resolve({ outcome: 'cached', context: hit.context });
      const running = inFlight.get(athleteId);
      if (running) return running;
      const lookup = fetchContext(athleteId).finally(() => inFlight.delete(athleteId));
      inFlight.set(athleteId, lookup);
      return lookup;
    },
  };
}

/** A client when TRACKLIT_API_URL is set; undefined otherwise (no context is read). */
export function trackLitContextFromConfig(
  config: Pick<Config, 'tracklit' | 'auth'>,
  options: Pick<TrackLitContextClientOptions, 'fetch' | 'now'> = {},
): TrackLitContextSource | undefined {
  const { apiUrl, context } = config.tracklit;
  if (!apiUrl) return undefined;
  return createTrackLitContextClient({
    baseUrl: apiUrl,
    apiKey: config.auth.internalApiKey,
    timeoutMs: context.timeoutMs,
    cacheTtlMs: context.cacheTtlMs,
    breakerFailures: context.breakerFailures,
    breakerCooldownMs: context.breakerCooldownMs,
    ...options,
  });
}
