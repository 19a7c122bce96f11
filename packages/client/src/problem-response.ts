import superjson from 'superjson';
import type { ErrorCode, Problem } from './types.js';

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks the fields every problem has. The code is not checked against today's list, so
 * a client keeps reading problems with codes added to the server after it was built.
 */
export function isProblem(value: unknown): value is Problem {
  return (
    isRecord(value) &&
    typeof value.type === 'string' &&
    typeof value.title === 'string' &&
    typeof value.status === 'number' &&
    typeof value.code === 'string' &&
    typeof value.detail === 'string' &&
    typeof value.requestId === 'string'
  );
}

/** tRPC's JSON-RPC numbers for the contract codes (what tRPC itself would answer). */
const jsonRpcCodes: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  QUOTA_EXCEEDED: -32002,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  METHOD_NOT_ALLOWED: -32005,
  CONFLICT: -32009,
  PAYLOAD_TOO_LARGE: -32013,
  UNSUPPORTED_MEDIA_TYPE: -32015,
  RATE_LIMITED: -32029,
};

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps a `fetch` so that a contract problem answered before tRPC saw the request (body too
 * large, timeout, …, sent as `application/problem+json`) reaches the caller as tRPC's own
 * errors do: the links read it as a tRPC error whose `data` is the problem, so every failure
 * is read the same way.
 */
export function problemsAsTrpcErrors(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (response.ok || !type.includes('application/problem+json')) return response;
    const body: unknown = await response.json().catch(() => undefined);
    if (!isProblem(body)) {
      throw new Error(`Aria answered ${response.status} with an unreadable problem.`);
    }
    const error = { message: body.detail, code: jsonRpcCodes[body.code] ?? -32603, data: body };
    const headers = new Headers(response.headers);
    headers.set('content-type', 'application/json');
    return new Response(JSON.stringify({ error: superjson.serialize(error) }), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
