import { expect } from 'vitest';

/** What an answer must never show a caller: stack frames, SQL, driver or runtime internals. */
const internals = [
  /\bat .*\.(ts|js|mjs):\d+/,
  /Cannot read propert/,
  /is not a function/,
  /Maximum call stack/,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b .*\b(FROM|VALUES|SET|WHERE)\b/i,
  /Failed query/,
  /SQLSTATE|PostgresError|DrizzleQueryError|ZodError|TRPCError/,
  /node_modules/,
  /ECONNREFUSED|fetch failed/,
];

/** No 5xx (a configured-out feature's NOT_CONFIGURED aside) and no internals in the body. */
export function expectSound(
  where: string,
  response: { readonly status: number; readonly text: string },
): void {
  const notConfigured = response.status === 503 && response.text.includes('NOT_CONFIGURED');
  if (response.status >= 500 && !notConfigured) {
    expect.fail(`${where} answered ${response.status}: ${response.text.slice(0, 500)}`);
  }
  expectNoLeak(where, response.text);
}

/** No stack frames, SQL, driver or runtime internals in an answer. */
export function expectNoLeak(where: string, text: string): void {
  for (const pattern of internals) {
    if (pattern.test(text)) {
      expect.fail(`${where} leaked ${pattern}: ${text.slice(0, 500)}`);
    }
  }
}
