/**
 * The one error shape of the API: tRPC puts it in
 * `error.data`, REST sends it as `application/problem+json` (RFC 9457).
 */
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  QUOTA_EXCEEDED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** Request headers over Node's limit; answered before any route runs. */
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  AI_UNAVAILABLE: 503,
  NOT_CONFIGURED: 503,
  TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const errorTitles: Record<ErrorCode, string> = {
  BAD_REQUEST: 'Bad request',
  UNAUTHORIZED: 'Unauthorized',
  QUOTA_EXCEEDED: 'Monthly quota exceeded',
  FORBIDDEN: 'Forbidden',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'Conflict',
  PAYLOAD_TOO_LARGE: 'Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RATE_LIMITED: 'Too many requests',
  HEADERS_TOO_LARGE: 'Request headers too large',
  INTERNAL: 'Internal server error',
  AI_UNAVAILABLE: 'AI provider unavailable',
  NOT_CONFIGURED: 'Not configured',
  TIMEOUT: 'Request timed out',
};

/** One field-level problem of a refused input. */
export interface ProblemIssue {
  readonly path: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly requestId: string;
  readonly issues?: readonly ProblemIssue[];
  /** Machine-readable cause of an UNAUTHORIZED (e.g. `token_expired`); never names a secret. */
  readonly reason?: string;
  /** QUOTA_EXCEEDED: the athlete's tier (what a paywall upgrades from). */
  readonly tier?: string;
  /** QUOTA_EXCEEDED: calls of the refused kind used this month. */
  readonly usage?: number;
  /** QUOTA_EXCEEDED: the monthly limit of that kind at this tier (-1 is unlimited). */
  readonly limit?: number;
  /** RATE_LIMITED: whole seconds to wait before calling again (the `Retry-After` value). */
  readonly retryAfter?: number;
}

/**
 * Members a problem carries beyond the base shape (RFC 9457 extension members), so that a
 * tRPC client, which cannot see response headers, gets the same data as the headers.
 */
export type ProblemExtensions =
  | { readonly tier: string; readonly usage: number; readonly limit: number }
  | { readonly retryAfter: number };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorStatus, value);
}

export function problemType(code: ErrorCode): string {
  return `urn:aria:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function toProblem(input: {
  code: ErrorCode;
  detail?: string | undefined;
  requestId: string;
  issues?: readonly ProblemIssue[] | undefined;
  reason?: string | undefined;
  extensions?: ProblemExtensions | undefined;
}): Problem {
  const title = errorTitles[input.code];
  return {
    type: problemType(input.code),
    title,
    status: errorStatus[input.code],
    code: input.code,
    detail: input.detail ?? title,
    requestId: input.requestId,
    ...(input.issues && input.issues.length > 0 ? { issues: input.issues } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    ...input.extensions,
  };
}

/**
 * A failure the caller should see as it is. Anything thrown that is not an AppError is
 * reported as INTERNAL with a generic detail, so internals never leak.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly options: {
      readonly issues?: readonly ProblemIssue[];
      readonly reason?: string;
      /** Extension members of the problem (quota figures, retry time). */
      readonly extensions?: ProblemExtensions;
      /** Response headers that belong to the failure (Retry-After, X-RateLimit-*, …). */
      readonly headers?: Readonly<Record<string, string>>;
      readonly cause?: unknown;
    } = {},
  ) {
    super(detail, { cause: options.cause });
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
