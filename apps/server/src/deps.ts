import {
  type ApiDeps,
  createAuthenticator,
  createDegradation,
  failOpenRateLimiter,
} from '@aria/api';
import type { Config } from '@aria/config';
import { cacheTierRows, createDb, type DatabaseHandle } from '@aria/db';
import {
  type ConfiguredKeyValueStore,
  createAiProvider,
  createBillingProvider,
  createFrameExtractor,
  createKeyValueStore,
  createRateLimiter,
  type StripeBillingOptions,
  trackLitContextFromConfig,
} from '@aria/integrations';
import type { JobEngine } from '@aria/jobs';
import { developmentJwtSecret, withDevelopmentCredentials } from './dev/development-access.js';

export interface ServerDeps extends ApiDeps {
  readonly database: DatabaseHandle;
  /** The HS256 secret in force: JWT_SECRET, or in development a generated one. */
  readonly jwtSecret: string | undefined;
  /** Closes pools and stores; called once, after the HTTP server has drained. */
  close(): Promise<void>;
}

export interface CreateDepsOptions {
  /** Use this store instead of choosing one from Config (tests with a bridged Redis). */
  readonly kv?: ConfiguredKeyValueStore;
  readonly now?: () => Date;
  /** Where the Stripe SDK sends requests (tests point it at a local fake of Stripe). */
  readonly stripe?: StripeBillingOptions;
  /** An open database to use instead of opening one from Config (tests); its owner closes it. */
  readonly database?: DatabaseHandle;
  /** A started job engine on that database (tests of the operator tools); its owner stops it. */
  readonly jobs?: JobEngine;
}

/**
 * Chooses every adapter once, from Config: nothing else reads the environment or picks an
 * implementation. In development, generated secrets stand in for JWT_SECRET and
 * INTERNAL_API_KEY when they are unset.
 */
export async function createDeps(
  loaded: Config,
  options: CreateDepsOptions = {},
): Promise<ServerDeps> {
  const config = await withDevelopmentCredentials(loaded);
  const database = options.database ?? (await createDb(config));
  const kv = options.kv ?? createKeyValueStore(config);
  const now = options.now ?? (() => new Date());
  const jwtSecret =
    config.auth.jwtSecret ??
    (config.nodeEnv === 'development' ? await developmentJwtSecret(config.dataDir) : undefined);
  const db = database.db;
  cacheTierRows(db, { ttlMs: config.server.tierCacheTtlMs });
  // Policies for a Redis outage: see docs/security.md. createApp logs and counts each step.
  const degradation = createDegradation();
  const nowMs = () => now().getTime();
  return {
    config,
    database,
    db,
    kv,
    now,
    jwtSecret,
    degradation,
    authenticator: createAuthenticator({ config, db, kv, now, jwtSecret, degradation }),
    rateLimiter: failOpenRateLimiter(createRateLimiter(kv, { now: nowMs }), degradation, nowMs),
    ai: createAiProvider(config),
    billing: createBillingProvider(config, options.stripe),
    frames: createFrameExtractor({ ffmpegPath: config.analysis.ffmpegPath }),
    jobs: options.jobs,
    trackLitContext: trackLitContextFromConfig(config),
    async close() {
      const ownDatabase = options.database === undefined;
      await Promise.allSettled([ownDatabase ? database.close() : undefined, kv.close()]);
    },
  };
}
