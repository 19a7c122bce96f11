import type { Config } from '@aria/config';
import type { AriaDatabase } from '@aria/db';
import type { AiProvider, BillingProvider, KeyValueStore } from '@aria/integrations';
import type { JobEngine } from '@aria/jobs';
import type { Authenticator, Credentials, Identity } from './auth/identity.js';
import type { RateLimiter } from './metering/types.js';

/** The adapters chosen once at start-up (createDeps) and shared by every request. */
export interface ApiDeps {
  readonly config: Config;
  readonly db: AriaDatabase;
  readonly kv: KeyValueStore;
  readonly authenticator: Authenticator;
  readonly rateLimiter: RateLimiter;
  /** The coaching AI: OpenAI (or a compatible server) or the built-in coach. */
  readonly ai: AiProvider;
  /** Stripe when every STRIPE_* setting is present; without it billing answers NOT_CONFIGURED. */
  readonly billing?: BillingProvider | undefined;
  /** Injected so tests can move time; production passes `() => new Date()`. */
  readonly now: () => Date;
  /** Background jobs (pg-boss); absent where no engine was started (most tests). */
  readonly jobs?: JobEngine | undefined;
}

/** Built per request by the transport (tRPC fetch handler or the REST adapter). */
export interface Context {
  readonly requestId: string;
  readonly deps: ApiDeps;
  readonly credentials: Credentials;
  /** Headers the procedures add to the response (rate limits, quota, Retry-After). */
  readonly resHeaders: Headers;
  /** Set by the identify middleware; procedures built on `authedProcedure` always have it. */
  readonly identity?: Identity;
  /** Lets the transport learn who called (for its request log) once identify has run. */
  readonly onIdentified?: (identity: Identity) => void;
}
