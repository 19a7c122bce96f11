/** Postgres SQLSTATE codes Aria reacts to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
} as const;

const maxCauseDepth = 10;
/** Five characters; no SQLSTATE class starts with E, which rules out Node codes like EPIPE. */
const sqlState = /^[0-9A-DF-Z][0-9A-Z]{4}$/;

/**
 * The SQLSTATE of a database error, looked up along the `.cause` chain (drizzle wraps the
 * driver's error in a `DrizzleQueryError`). Works for postgres.js and PGlite alike, since
 * both expose `code`; driver classes are never inspected.
 */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < maxCauseDepth && isObject(current); depth += 1) {
    const code = current.code;
    if (typeof code === 'string' && sqlState.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === PgErrorCode.uniqueViolation;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorCode(error) === PgErrorCode.foreignKeyViolation;
}

export function isCheckViolation(error: unknown): boolean {
  return pgErrorCode(error) === PgErrorCode.checkViolation;
}

function isObject(value: unknown): value is { code?: unknown; cause?: unknown } {
  return typeof value === 'object' && value !== null;
}
