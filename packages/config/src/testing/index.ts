/**
 * Where the integration suites find the real services of this machine. CI sets these
 * variables (see .ci/run) and `CI=true`; there a missing service fails the suite instead
 * of skipping it.
 */
export interface TestServices {
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** True in CI: a suite whose service is missing must fail, not skip. */
  readonly required: boolean;
}

export function testServices(source = process.env): TestServices {
  return {
    databaseUrl: source.TEST_DATABASE_URL || undefined,
    redisUrl: source.TEST_REDIS_URL || undefined,
    required: source.CI === 'true' || source.CI === '1',
  };
}
