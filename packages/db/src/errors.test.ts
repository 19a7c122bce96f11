import { describe, expect, it } from 'vitest';
import { isCheckViolation, isUniqueViolation, pgErrorCode } from './errors.js';

describe('pgErrorCode', () => {
  it('finds the SQLSTATE on the error itself or along its cause chain', () => {
    const driverError = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(pgErrorCode(driverError)).toBe('23505');
    const wrapped = new Error('Failed query', {
      cause: new Error('inner', { cause: driverError }),
    });
    expect(isUniqueViolation(wrapped)).toBe(true);
    expect(isCheckViolation(wrapped)).toBe(false);
  });

  it('ignores non-SQLSTATE codes and non-errors', () => {
    expect(pgErrorCode(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe(
      undefined,
    );
    expect(pgErrorCode('23505')).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
    expect(pgErrorCode(Object.assign(new Error('pipe'), { code: 'EPIPE' }))).toBeUndefined();
    expect(isUniqueViolation(undefined)).toBe(false);
  });

  it('stops on cyclic cause chains', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(pgErrorCode(error)).toBeUndefined();
  });
});
