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
  for (const pattern of internals) {
    if (pattern.test(response.text)) {
      expect.fail(`${where} leaked ${pattern}: ${response.text.slice(0, 500)}`);
    }
  }
}
