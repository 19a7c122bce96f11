import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { widgetSessionPath } from '../client.js';

export interface FakeTerraOptions {
  readonly devId: string;
  readonly apiKey: string;
}

export interface FakeTerraRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

export interface FakeTerra {
  /** http://127.0.0.1:<port>: pass as TERRA_API_URL. */
  readonly url: string;
  readonly requests: FakeTerraRequest[];
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * A local stand-in for Terra's REST API (tests): `POST /v2/auth/generateWidgetSession` checks
 * the `dev-id` and `x-api-key` headers and answers a widget session; anything else is 404.
 */
export async function startFakeTerra(options: FakeTerraOptions): Promise<FakeTerra> {
  const requests: FakeTerraRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readJson(request);
      const path = request.url ?? '/';
      requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
      if (request.method !== 'POST' || path !== widgetSessionPath) {
        answer(response, 404, { status: 'error', message: 'Not found' });
        return;
      }
      const authorized =
        request.headers['dev-id'] === options.devId &&
        request.headers['x-api-key'] === options.apiKey;
      if (!authorized) {
        answer(response, 401, { status: 'error', message: 'unauthorized' });
        return;
      }
      const sessionId = randomUUID();
      answer(response, 201, {
        status: 'success',
        session_id: sessionId,
        url: `https://widget.tryterra.co/session/${sessionId}`,
        expires_in: 900,
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
