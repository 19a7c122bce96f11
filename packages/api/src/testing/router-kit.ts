import type { AriaDatabase } from '@aria/db';
import {
  type AiProvider,
  type BillingProvider,
  createBuiltinProvider,
  createMemoryRateLimiter,
  createMemoryStore,
  type FrameExtractor,
  type KeyValueStore,
  type TrackLitContextSource,
} from '@aria/integrations';
import type { JobEngine } from '@aria/jobs';
import { createAuthenticator } from '../auth/authenticator.js';
import type { Credentials, UserRole } from '../auth/identity.js';
import type { ApiDeps } from '../context.js';
import type { ApiMetrics } from '../logger.js';
import { appRouter } from '../router.js';
import { createCallerFactory } from '../trpc.js';
import { signTestJwt, testClock, testConfig, testInternalApiKey } from './auth.js';
import { recordingLogger } from './recording-logger.js';

const createAppCaller = createCallerFactory(appRouter);

/**
 * Real deps for router tests: the given database, a real in-process store and limiter (or a
 * bridged Redis store), the real authenticator, and a clock the test can move.
 */
export interface RouterTestKitOptions {
  readonly kv?: KeyValueStore;
  readonly ai?: AiProvider;
  readonly billing?: BillingProvider;
  /** A started job engine (coaching.analyzeMedia sends its job there). */
  readonly jobs?: JobEngine;
  readonly frames?: FrameExtractor;
  /** Extra environment for the config (e.g. TERRA_* pointing at a local fake). */
  readonly configEnv?: Readonly<Record<string, string>>;
  /** A TrackLit context client (pointed at a local fake of TrackLit). */
  readonly trackLitContext?: TrackLitContextSource;
  readonly metrics?: ApiMetrics;
}

export function routerTestKit(db: () => AriaDatabase, options: RouterTestKitOptions = {}) {
  const {
    kv = createMemoryStore(),
    ai = createBuiltinProvider(),
    billing,
    jobs,
    frames,
    configEnv = {},
    trackLitContext,
    metrics,
  } = options;
  const clock = testClock();
  const config = testConfig(configEnv);
  const rateLimiter = createMemoryRateLimiter(() => clock.now().getTime());
  const deps = (): ApiDeps => ({
    config,
    db: db(),
    kv,
    now: clock.now,
    rateLimiter,
    ai,
    billing,
    jobs,
    frames,
    authenticator: createAuthenticator({ config, db: db(), kv, now: clock.now }),
    trackLitContext,
    metrics,
  });
  const logger = recordingLogger();
  const caller = (credentials: Credentials) =>
    createAppCaller({
      requestId: 'test',
      deps: deps(),
      credentials,
      resHeaders: new Headers(),
      logger,
    });
  return {
    clock,
    /** Every line procedures logged, across callers of this kit. */
    logged: logger.lines,
    kv,
    caller,
    asUser: async (sub: string, role: UserRole = 'athlete') =>
      caller({ bearerToken: await signTestJwt({ sub, role }, { now: clock.now() }) }),
    asService: () => caller({ apiKey: testInternalApiKey }),
    anonymous: () => caller({}),
  };
}

/** What a refused call rejects with, for `rejects.toMatchObject`. */
export const trpcFailure = (code: string) => ({ name: 'TRPCError', code });
