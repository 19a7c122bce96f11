import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  errors,
  type RedisConfigNodejs,
  type Requester,
  type UpstashRequest,
  type UpstashResponse,
} from '@upstash/redis';

export interface UpstashRequesterOptions {
  readonly url: string;
  readonly token: string;
  /**
   * Retries after a network error, as in the client's own settings: `false` for none, else
   * how many (default 5) and the wait before each (default e^attempt × 50 ms).
   */
  readonly retry: RedisConfigNodejs['retry'];
  /** All attempts of one command together are abandoned after this many milliseconds. */
  readonly timeoutMs: number;
}

export interface UpstashRequester extends Requester {
  /** Closes the idle keep-alive sockets. */
  close(): void;
}

/** Named as `fetch` names them: `TimeoutError` when time ran out, `AbortError` on a signal. */
const abandonment = (name: 'TimeoutError' | 'AbortError', message: string): Error =>
  Object.assign(new Error(message), { name });

class NetworkError extends Error {}

const tracer = trace.getTracer('aria-upstash');

/**
 * The Upstash REST protocol over `node:http` keep-alive sockets, for `new Redis(requester)`.
 *
 * The client's own transport is `fetch`; at hundreds of requests a second its `Request`,
 * web streams and one `AbortSignal` per command cost about as much CPU as the rest of a
 * metered call (measured in `bench/RESULTS.md`). This speaks the same protocol — POST the
 * command as JSON with the bearer token, answer `{ result }` / `{ error }` or a list of them
 * — with plain JSON values (no `Upstash-Encoding: base64`: Aria writes only UTF-8 text) and
 * keeps the client's contract: a non-2xx answer throws `UpstashError`, network errors are
 * retried, and `upstash-sync-token` is carried for read-your-writes.
 */
export function createUpstashRequester(options: UpstashRequesterOptions): UpstashRequester {
  const base = new URL(options.url);
  const secure = base.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, scheduling: 'lifo' })
    : new HttpAgent({ keepAlive: true, scheduling: 'lifo' });
  const basePath = base.pathname.replace(/\/$/, '');
  const authorization = `Bearer ${options.token}`;
  const retries = options.retry === false ? 0 : (options.retry?.retries ?? 5);
  const backoff =
    (options.retry === false ? undefined : options.retry?.backoff) ??
    ((attempt: number) => Math.exp(attempt) * 50);

  const requester: UpstashRequester = {
    readYourWrites: true,
    upstashSyncToken: '',

    async request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      if (req.isStreaming || req.onMessage) {
        throw new Error('Upstash streaming commands (SUBSCRIBE) are not supported');
      }
      const body = JSON.stringify(req.body);
      const headers: Record<string, string> = {
        ...req.headers,
        authorization,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      };
      if (requester.readYourWrites && requester.upstashSyncToken) {
        headers['upstash-sync-token'] = requester.upstashSyncToken;
      }
      const path = [basePath, ...(req.path ?? [])].join('/') || '/';
      const answer = await withDeadline(options.timeoutMs, req.signal, async (abandon) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await post(path, headers, body, abandon);
          } catch (error) {
            if (!(error instanceof NetworkError) || attempt >= retries) throw error;
            await abandon.wait(backoff(attempt));
          }
        }
      });
      if (requester.readYourWrites) {
        const sync = answer.headers['upstash-sync-token'];
        requester.upstashSyncToken = typeof sync === 'string' ? sync : '';
      }
      const parsed = parseJson(answer.text);
      if (answer.status < 200 || answer.status > 299) {
        const message = isRecord(parsed) ? String(parsed.error) : answer.text;
        throw new errors.UpstashError(`${message}, command was: ${body}`);
      }
      return parsed as UpstashResponse<TResult>;
    },

    close() {
      agent.destroy();
    },
  };

  interface Answer {
    readonly status: number;
    readonly headers: IncomingMessage['headers'];
    readonly text: string;
  }

  /** One attempt: a POST on a keep-alive socket, traced as an HTTP client span. */
  const post = (
    path: string,
    headers: Record<string, string>,
    body: string,
    abandon: Abandon,
  ): Promise<Answer> => {
    const span = tracer.startSpan('POST', {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'POST',
        'url.full': `${base.origin}${path}`,
        'server.address': base.hostname,
        ...(base.port ? { 'server.port': Number(base.port) } : {}),
      },
    });
    return new Promise<Answer>((resolve, reject) => {
      const fail = (error: Error) => {
        span.recordException(error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        reject(new NetworkError(error.message, { cause: error }));
      };
      const outgoing = send(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          path,
          method: 'POST',
          headers,
          agent,
        },
        (incoming) => {
          incoming.setEncoding('utf8');
          let text = '';
          incoming.on('data', (chunk: string) => {
            text += chunk;
          });
          incoming.on('end', () => {
            const status = incoming.statusCode ?? 0;
            span.setAttribute('http.response.status_code', status);
            if (status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
            span.end();
            resolve({ status, headers: incoming.headers, text });
          });
          incoming.on('error', fail);
        },
      );
      outgoing.on('error', fail);
      abandon.onAbandon(() => outgoing.destroy());
      outgoing.end(body);
    });
  };

  return requester;
}

interface Abandon {
  /** Runs `stop` when the command is abandoned (at once if it already is). */
  onAbandon(stop: () => void): void;
  /** Waits `ms`, or rejects early when the command is abandoned. */
  wait(ms: number): Promise<void>;
}

/** Runs `work` under one timer for all its attempts; rejects when it or `signal` fires. */
async function withDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (abandon: Abandon) => Promise<T>,
): Promise<T> {
  let abandoned: Error | undefined;
  let stops: Array<() => void> = [];
  let rejectAbandoned: (error: Error) => void = () => {};
  const whenAbandoned = new Promise<never>((_, reject) => {
    rejectAbandoned = reject;
  });
  const abandonWith = (error: Error) => {
    if (abandoned) return;
    abandoned = error;
    for (const stop of stops) stop();
    stops = [];
    rejectAbandoned(error);
  };
  const timer = setTimeout(
    () =>
      abandonWith(abandonment('TimeoutError', `Upstash command timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  const onSignal = () => abandonWith(abandonment('AbortError', 'Upstash command aborted'));
  if (signal?.aborted) onSignal();
  signal?.addEventListener('abort', onSignal, { once: true });
  const abandon: Abandon = {
    onAbandon(stop) {
      if (abandoned) stop();
      else stops.push(stop);
    },
    wait: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (abandoned) return reject(abandoned);
        const wait = setTimeout(resolve, ms);
        abandon.onAbandon(() => {
          clearTimeout(wait);
          reject(abandoned);
        });
      }),
  };
  whenAbandoned.catch(() => {});
  try {
    return await Promise.race([work(abandon), whenAbandoned]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onSignal);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new errors.UpstashJSONParseError(text, { cause: error });
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
