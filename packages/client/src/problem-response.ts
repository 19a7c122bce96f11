import type { Problem } from './types.js';

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

/**
 * A failure the server answered before tRPC saw the request (body too large, timeout, …)
 * as `application/problem+json`. tRPC's stream link cannot read such an answer, so the
 * client's `fetch` rejects with this instead; it becomes the `cause` of the client error.
 */
export class ProblemResponseError extends Error {
  override readonly name = 'ProblemResponseError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Wraps a `fetch` so that contract problems answered outside tRPC reject with their problem. */
export function rejectingProblemResponses(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (response.ok || !type.includes('application/problem+json')) return response;
    const body: unknown = await response.json().catch(() => undefined);
    if (isProblem(body)) throw new ProblemResponseError(body);
    throw new Error(`Aria answered ${response.status} with an unreadable problem.`);
  };
}
