import { describe, expect, it } from 'vitest';
import { AppError, errorStatus, isErrorCode, toProblem } from './errors.js';

describe('toProblem', () => {
  it('builds the contract shape with a stable type per code', () => {
    expect(toProblem({ code: 'QUOTA_EXCEEDED', detail: 'No asks left', requestId: 'r1' })).toEqual({
      type: 'urn:aria:problem:quota-exceeded',
      title: 'Monthly quota exceeded',
      status: 402,
      code: 'QUOTA_EXCEEDED',
      detail: 'No asks left',
      requestId: 'r1',
    });
  });

  it('falls back to the title as detail and only lists issues when there are some', () => {
    const problem = toProblem({ code: 'NOT_FOUND', requestId: 'r2', issues: [] });
    expect(problem.detail).toBe('Not found');
    expect(problem).not.toHaveProperty('issues');
  });

  it('carries the extension members a paywall and a retry need', () => {
    const quota = toProblem({
      code: 'QUOTA_EXCEEDED',
      requestId: 'r4',
      extensions: { tier: 'free', usage: 1, limit: 1 },
    });
    expect(quota).toMatchObject({ code: 'QUOTA_EXCEEDED', tier: 'free', usage: 1, limit: 1 });
    const rate = toProblem({
      code: 'RATE_LIMITED',
      requestId: 'r5',
      extensions: { retryAfter: 7 },
    });
    expect(rate).toMatchObject({ status: 429, retryAfter: 7 });
  });

  it('keeps field issues', () => {
    const issues = [{ path: 'question', message: 'Too short' }];
    expect(toProblem({ code: 'BAD_REQUEST', requestId: 'r3', issues }).issues).toEqual(issues);
  });
});

describe('error codes', () => {
  it('maps the contract codes to their HTTP statuses', () => {
    expect(errorStatus).toMatchObject({
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      QUOTA_EXCEEDED: 402,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      RATE_LIMITED: 429,
      HEADERS_TOO_LARGE: 431,
      INTERNAL: 500,
      AI_UNAVAILABLE: 503,
      NOT_CONFIGURED: 503,
    });
  });

  it('recognises codes and nothing else', () => {
    expect(isErrorCode('RATE_LIMITED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('gives AppError the status of its code', () => {
    expect(new AppError('RATE_LIMITED', 'Slow down').status).toBe(429);
  });
});
