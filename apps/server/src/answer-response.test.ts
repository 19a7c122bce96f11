import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerResponse } from './answer-response.js';

const common = { 'x-request-id': 'r-1', vary: 'Origin', 'x-frame-options': 'SAMEORIGIN' };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** One answer from a Node server built with AnswerResponse, as it came off the socket. */
async function answer(
  respond: (response: AnswerResponse) => void,
  commonHeaders: Record<string, string> | null = common,
) {
  const server = createServer(
    { ServerResponse: AnswerResponse },
    (_request: IncomingMessage, response: ServerResponse) => {
      const answerResponse = response as AnswerResponse;
      answerResponse.commonHeaders = commonHeaders ?? undefined;
      respond(answerResponse);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; message: string; headers: Array<[string, string]> }>(
    (resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          headers.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? '']);
        }
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            message: response.statusMessage ?? '',
            headers,
          }),
        );
      }).on('error', reject);
    },
  );
}

/** Every value sent under `name`, whatever its case on the wire. */
const valuesOf = (headers: Array<[string, string]>, name: string) =>
  headers.filter(([sent]) => sent.toLowerCase() === name).map(([, value]) => value);

describe('AnswerResponse', () => {
  it("writes the common headers with the route's, the route's winning whatever its case", async () => {
    const { headers } = await answer((response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain', Vary: 'Accept, Origin' });
      response.end('ok');
    });
    expect(valuesOf(headers, 'vary')).toEqual(['Accept, Origin']);
    expect(valuesOf(headers, 'x-request-id')).toEqual(['r-1']);
    expect(valuesOf(headers, 'x-frame-options')).toEqual(['SAMEORIGIN']);
    expect(valuesOf(headers, 'content-type')).toEqual(['text/plain']);
  });

  it('writes them when the head is written implicitly, and with a reason phrase', async () => {
    const implicit = await answer((response) => response.end('ok'));
    expect(valuesOf(implicit.headers, 'x-request-id')).toEqual(['r-1']);

    const phrased = await answer((response) => {
      response.writeHead(202, 'Taken', { 'X-Own': 'yes' });
      response.end();
    });
    expect([phrased.status, phrased.message]).toEqual([202, 'Taken']);
    expect(valuesOf(phrased.headers, 'x-own')).toEqual(['yes']);
    expect(valuesOf(phrased.headers, 'vary')).toEqual(['Origin']);
  });

  it('keeps headers set with setHeader, and takes a raw header list', async () => {
    const set = await answer((response) => {
      response.setHeader('Vary', 'Cookie');
      response.setHeader('X-Early', '1');
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('ok');
    });
    expect(valuesOf(set.headers, 'x-early')).toEqual(['1']);
    expect(valuesOf(set.headers, 'x-request-id')).toEqual(['r-1']);
    expect(valuesOf(set.headers, 'vary')).toEqual(['Cookie']);

    const raw = await answer((response) => {
      response.setHeader('X-Frame-Options', 'DENY');
      response.writeHead(200, ['Vary', 'Accept', 'X-Raw', '2']);
      response.end('ok');
    });
    expect(valuesOf(raw.headers, 'vary')).toEqual(['Accept']);
    expect(valuesOf(raw.headers, 'x-raw')).toEqual(['2']);
    expect(valuesOf(raw.headers, 'x-frame-options')).toEqual(['DENY']);
    expect(valuesOf(raw.headers, 'x-request-id')).toEqual(['r-1']);
  });

  it('is a plain Node response when no common headers were given', async () => {
    const { headers } = await answer((response) => {
      response.writeHead(200, { 'X-Only': '1' });
      response.end();
    }, null);
    expect(valuesOf(headers, 'x-only')).toEqual(['1']);
    expect(valuesOf(headers, 'x-request-id')).toEqual([]);
  });
});
