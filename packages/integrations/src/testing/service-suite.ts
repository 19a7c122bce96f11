/** The bit of a test context the guard needs (vitest's `context.skip` fits). */
export interface SkipContext {
  skip(note?: string): void;
}

export interface ServiceSuite<T> {
  /** For `beforeAll`: starts the resource unless skipped; keeps a failure for every test. */
  readonly setup: () => Promise<void>;
  /** For `beforeEach`: skips with the reason, or fails the test with the setup error. */
  readonly guard: (context: SkipContext) => void;
  /** The started resource, inside tests. */
  readonly current: () => T;
  /** For `afterAll`. */
  readonly teardown: () => Promise<void>;
}

export interface ServiceSuiteOptions<T> {
  /** Set when the service is missing and skipping is allowed (see `redisRequirement`). */
  readonly skipReason: string | undefined;
  readonly start: () => Promise<T>;
  readonly stop: (resource: T) => Promise<void>;
}

/**
 * Hooks for a suite that needs a real service, without tying this module to a test runner:
 * `beforeAll(s.setup); beforeEach(s.guard); afterAll(s.teardown)`. A start failure (say
 * TEST_REDIS_URL missing in CI) fails every test of the suite with its message.
 */
export function serviceSuite<T>(options: ServiceSuiteOptions<T>): ServiceSuite<T> {
  let resource: { value: T } | undefined;
  let failure: unknown;

  return {
    setup: async () => {
      if (options.skipReason !== undefined) return;
      try {
        resource = { value: await options.start() };
      } catch (error) {
        failure = error;
      }
    },
    guard: (context) => {
      if (options.skipReason !== undefined) context.skip(options.skipReason);
      if (failure !== undefined) throw failure;
    },
    current: () => {
      if (resource === undefined) throw new Error('the service suite has not started');
      return resource.value;
    },
    teardown: async () => {
      if (resource !== undefined) await options.stop(resource.value);
      resource = undefined;
    },
  };
}
