import type { Config } from '@aria/config';
import type { AriaDatabase } from '@aria/db';
import type {
  AiProvider,
  BillingProvider,
  FrameExtractor,
  KeyValueStore,
  TrackLitContextSource,
} from '@aria/integrations';
import type { JobEngine } from '@aria/jobs';
import type { RequestIdentity } from './auth/identify-once.js';
import type { Authenticator, Credentials, Identity } from './auth/identity.js';
import type { ApiMetrics, ProcedureLogger } from './logger.js';
import type { RateLimiter } from './metering/types.js';
import type { Degradation } from './resilience/degradation.js';

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
  /** Where failures are counted (the server's metrics); failures are logged either way. */
  readonly metrics?: ApiMetrics | undefined;
  /** Told whenever a call goes on without Redis (see resilience/degradation.ts). */
  readonly degradation?: Degradation | undefined;
  /** Takes a video's key frames (ffmpeg) for `coaching.analyzeMedia`; absent: videos refused. */
  readonly frames?: FrameExtractor | undefined;
  /** Background jobs (pg-boss); absent where no engine was started (most tests). */
  readonly jobs?: JobEngine | undefined;
  /** The athletes' TrackLit context (askEnhanced, plans); absent without TRACKLIT_API_URL. */
  readonly trackLitContext?: TrackLitContextSource | undefined;
}

/** Built per request by the transport (tRPC fetch handler or the REST adapter). */
export interface Context {
  readonly requestId: string;
  readonly deps: ApiDeps;
  readonly credentials: Credentials;
  /**
   * The caller behind `credentials`, authenticated once per HTTP request (`identifyOnce`), so
   * the calls of a batch share one check. Without it each call authenticates on its own.
   */
  readonly identifyRequest?: RequestIdentity;
  /** The request's logger (bound to its request id): failures are logged here, never dropped. */
  readonly logger: ProcedureLogger;
  /** Headers the procedures add to the response (rate limits, quota, Retry-After). */
  readonly resHeaders: Headers;
  /**
   * The one abort signal of the request's work, passed on to the AI provider: the client
   * went away, or the server stopped the request (its timeout, shutdown) with an AppError as
   * the reason. Transports build it; server-side callers without one never stop.
   */
  readonly signal?: AbortSignal;
  /**
   * `false` when the response cannot carry a stream (a tRPC call without httpBatchStreamLink):
   * a streaming procedure refuses it before anything is metered. Server-side callers (REST's
   * SSE route, tests) take the stream as it is.
   */
  readonly streamable?: boolean;
  /** Set by the identify middleware; procedures built on `authedProcedure` always have it. */
  readonly identity?: Identity;
  /** Lets the transport learn who called (for its request log) once identify has run. */
  readonly onIdentified?: (identity: Identity) => void;
}
