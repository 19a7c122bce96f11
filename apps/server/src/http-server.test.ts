import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startHttpServer } from './http-server.js';
import { createTestApp, type TestApp } from './testing/app.js';

let t: TestApp;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: 'https://tracklit.app' });
  server = await startHttpServer(t.app, { port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close(1_000);
  await t.deps.close();
});

describe('headers on every answer served by Node', () => {
  const origin = 'https://tracklit.app';
  const answers = {
    'a plain route': () => fetch(`${base}/health/live`, { headers: { origin } }),
    'a tRPC query (tRPC sets its own Vary)': () =>
      fetch(`${base}/trpc/billing.tiers`, { headers: { origin } }),
    'a REST route': () => fetch(`${base}/v1/tiers`, { headers: { origin } }),
    'a 404': () => fetch(`${base}/nowhere`, { headers: { origin } }),
    'a 401 problem': () => fetch(`${base}/v1/athletes/me`, { headers: { origin } }),
  };

  for (const [what, send] of Object.entries(answers)) {
    it(`${what}: request id, security headers, CORS grant, Vary on Origin`, async () => {
      const response = await send();
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
      const vary = (response.headers.get('vary') ?? '').split(',').map((v) => v.trim());
      expect(vary).toContain('Origin');
      await response.arrayBuffer();
    });
  }

  it('sends each header once, whichever side named it', async () => {
    for (const path of ['/health/live', '/trpc/billing.tiers', '/v1/tiers', '/nowhere']) {
      const names = await new Promise<string[]>((resolve, reject) => {
        httpRequest(`${base}${path}`, { headers: { origin } }, (response) => {
          response.resume();
          resolve(response.rawHeaders.filter((_, index) => index % 2 === 0));
        })
          .on('error', reject)
          .end();
      });
      const lowerNames = names.map((name) => name.toLowerCase());
      expect(new Set(lowerNames).size, `${path}: ${lowerNames.join(' ')}`).toBe(lowerNames.length);
      expect(lowerNames).toContain('vary');
    }
  });

  it('keeps a caller request id that is plain, replaces one that is not', async () => {
    const kept = await fetch(`${base}/health/live`, { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await fetch(`${base}/health/live`, {
      headers: { 'x-request-id': 'has spaces;and=more' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('grants nothing to an unlisted origin, and answers its preflight without a grant', async () => {
    const response = await fetch(`${base}/trpc/billing.tiers`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await response.arrayBuffer();
    const preflight = await fetch(`${base}/trpc/athletes.get`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a listed preflight with methods, headers and max age', async () => {
    const preflight = await fetch(`${base}/trpc/athletes.get`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('vary')).toContain('Access-Control-Request-Headers');
  });
});

describe('requests Node refuses before any route', () => {
  it('answers headers over the limit with a 431 problem', async () => {
    const response = await fetch(`${base}/health/live`, {
      headers: { 'X-Padding': 'a'.repeat(20_000) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      code: 'HEADERS_TOO_LARGE',
      status: 431,
      type: 'urn:aria:problem:headers-too-large',
      detail: expect.any(String),
      requestId: response.headers.get('x-request-id'),
    });
  });
});

describe('malformed HTTP', () => {
  it('answers a request line Node cannot parse with a 400 problem', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });
});

describe('keep-alive after an early refusal', () => {
  const upload = 'x'.repeat(3 * 1024 * 1024);

  /** Node's fetch keeps connections alive: each refusal is followed by a request on the pool. */
  async function refuseThenAsk(send: () => Promise<Response>, status: number) {
    for (let round = 0; round < 6; round += 1) {
      const refused = await send();
      expect(refused.status).toBe(status);
      expect(refused.headers.get('connection')).toBe('close');
      await refused.arrayBuffer();
      const next = await fetch(`${base}/health/live`);
      expect(next.status).toBe(200);
    }
  }

  it('closes the connection after a 413 sent before the body was read', async () => {
    await refuseThenAsk(
      () =>
        fetch(`${base}/trpc/athletes.create`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: upload,
        }),
      413,
    );
  });

  it('closes the connection after a 401 sent before an upload was read', async () => {
    await refuseThenAsk(
      () =>
        fetch(`${base}/trpc/coaching.askMedia`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: upload,
        }),
      401,
    );
  });

  it('keeps the connection for a refusal whose small body was read', async () => {
    const refused = await fetch(`${base}/trpc/athletes.create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ json: { id: 'a', name: 'b' } }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('connection')).toBe('keep-alive');
    await refused.arrayBuffer();
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});

describe('uploads from unknown callers', () => {
  /**
   * Sends the headers and the first part of a multipart upload, then holds the rest back:
   * only a server that refuses before reading the body can answer.
   */
  function startUpload(path: string, headers: Record<string, string>) {
    const boundary = 'aria-upload-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="question"\r\n\r\nHow is my start?\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="a.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    );
    const request = httpRequest({
      host: '127.0.0.1',
      port: server.port,
      path,
      method: 'POST',
      agent: false,
      headers: {
        ...headers,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + 8 * 1024 * 1024),
      },
    });
    request.write(head);
    request.write(Buffer.alloc(64 * 1024));
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    return { answered, abort: () => request.destroy() };
  }

  it('refuses an anonymous media question before reading the upload', async () => {
    const upload = startUpload('/v1/coaching/ask/media', {});
    try {
      const outcome = await Promise.race([
        upload.answered,
        new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 3_000)),
      ]);
      expect(outcome).not.toBe('no answer');
      if (outcome === 'no answer') return;
      expect(outcome.status).toBe(401);
      expect(JSON.parse(outcome.body)).toMatchObject({
        code: 'UNAUTHORIZED',
        reason: 'credentials_missing',
      });
    } finally {
      upload.abort();
    }
  });

  it('refuses a bad token before reading the upload', async () => {
    const upload = startUpload('/v1/coaching/ask/media', { Authorization: 'Bearer nope' });
    try {
      const outcome = await Promise.race([
        upload.answered,
        new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 3_000)),
      ]);
      expect(outcome).toMatchObject({ status: 401 });
    } finally {
      upload.abort();
    }
  });
});
