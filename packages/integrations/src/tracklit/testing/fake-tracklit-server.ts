import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers context requests from now on. */
export type FakeTrackLitMode =
  /** The stored context, 404 for an athlete without one (the default). */
  | { readonly kind: 'normal' }
  /** The stored context, after a pause. */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** This status with a JSON error body. */
  | { readonly kind: 'status'; readonly status: number }
  /** 200 with a body that is not JSON. */
  | { readonly kind: 'malformed' }
  /** 200 with JSON of the wrong shape. */
  | { readonly kind: 'wrong_shape' };

export interface FakeTrackLitRequest {
  readonly path: string;
  readonly apiKey: string | undefined;
}

export interface FakeTrackLit {
  /** http://127.0.0.1:<port>: pass as TRACKLIT_API_URL. */
  readonly url: string;
  /** Every request received, answered or not. */
  readonly requests: FakeTrackLitRequest[];
  /** What `GET /api/athletes/{athleteId}/context` answers (any JSON value). */
  setContext(athleteId: string, context: unknown): void;
  answer(mode: FakeTrackLitMode): void;
  close(): Promise<void>;
}

const contextRoute = /^\/api\/athletes\/([^/]+)\/context$/;

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * A local stand-in for TrackLit's athlete context endpoint (tests): checks `X-API-Key`,
 * answers the context set for the athlete, or misbehaves as `answer()` says.
 */
export async function startFakeTrackLit(options: { apiKey: string }): Promise<FakeTrackLit> {
  const requests: FakeTrackLitRequest[] = [];
  const contexts = new Map<string, unknown>();
  const timers = new Set<NodeJS.Timeout>();
  let mode: FakeTrackLitMode = { kind: 'normal' };

  const respond = (response: ServerResponse, athleteId: string) => {
    if (mode.kind === 'status') return json(response, mode.status, { error: 'scripted' });
    if (mode.kind === 'malformed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('{"recentSessions": [');
    }
    if (mode.kind === 'wrong_shape') return json(response, 200, { recentSessions: 'none' });
    if (!contexts.has(athleteId)) return json(response, 404, { error: 'no such athlete' });
    json(response, 200, contexts.get(athleteId));
  };

  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const apiKey = request.headers['x-api-key'];
    requests.push({ path, apiKey: typeof apiKey === 'string' ? apiKey : undefined });
    const match = request.method === 'GET' ? contextRoute.exec(path) : null;
    if (!match) return json(response, 404, { error: 'not found' });
    if (apiKey !== options.apiKey) return json(response, 401, { error: 'unauthorized' });
    const athleteId = decodeURIComponent(match[1] ?? '');
    if (mode.kind !== 'slow') return respond(response, athleteId);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!response.destroyed) respond(response, athleteId);
    }, mode.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setContext: (athleteId, context) => contexts.set(athleteId, context),
    answer: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A URL nothing listens on (connection refused): a port that was free a moment ago. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
