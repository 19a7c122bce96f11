import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ErrorCode, toProblem } from '@aria/core';

/** What Node refuses before Hono sees the request, as the contract's codes. */
const codeFor: Readonly<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
};
const detailFor: Partial<Record<ErrorCode, string>> = {
  HEADERS_TOO_LARGE: 'The request headers (or the URL) are too large.',
  BAD_REQUEST: 'The request is not valid HTTP.',
};

function responseInProgress(socket: Duplex): boolean {
  const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}

/**
 * The server's `clientError` listener: a request Node's parser refuses (headers over the
 * limit, malformed HTTP) is answered with the problem body every other failure has, then the
 * connection is closed. A slow client (request timeout) gets Node's plain 408.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable || responseInProgress(socket)) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    return;
  }
  const code = codeFor[error.code ?? ''] ?? 'BAD_REQUEST';
  const requestId = randomUUID();
  const problem = toProblem({ code, detail: detailFor[code], requestId });
  const body = JSON.stringify(problem);
  socket.end(
    [
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
