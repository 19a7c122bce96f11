import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = optionalString.pipe(z.url({ error: 'must be a URL' }).optional());

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

/** `true`/`false` (also `1`/`0`, `yes`/`no`); anything else is refused rather than guessed. */
const boolean = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .pipe(
      z
        .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
        .transform((value) => value === 'true' || value === '1' || value === 'yes'),
    );

const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

/** Every environment variable Aria reads (listed in the README); the names are a contract with deployments. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: integer(8000, 0, 65535),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ARIA_DATA_DIR: z.string().trim().min(1).default('.aria'),
  REQUEST_TIMEOUT_MS: integer(30_000, 100, 600_000),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),
  /** On SIGTERM, how long readiness answers 503 before the server stops accepting. */
  SHUTDOWN_DRAIN_MS: integer(5_000, 0, 120_000),
  /** The most calls one tRPC batch request may carry. */
  TRPC_MAX_BATCH_SIZE: integer(10, 1, 100),
  HEALTH_CHECK_TIMEOUT_MS: integer(2_000, 50, 60_000),
  /**
   * How long an instance reuses an athlete's tier row it read (0: never). Its own writes show
   * at once; another instance's show within this bound.
   */
  TIER_CACHE_TTL_MS: integer(2_000, 0, 60_000),

  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  DATABASE_POOL_MAX: integer(10, 1, 200),
  /** Off where a one-shot migration job runs before the API (compose, Container Apps). */
  MIGRATE_ON_START: boolean(true),
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,

  JWT_SECRET: optionalString.pipe(
    z.string().min(32, { error: 'must be at least 32 bytes (HS256)' }).optional(),
  ),
  JWT_JWKS_URL: optionalUrl,
  JWT_ISSUER: optionalString,
  JWT_AUDIENCE: optionalString,
  INTERNAL_API_KEY: optionalString.pipe(
    z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  ),
  CORS_ORIGINS: commaList.pipe(
    z.array(
      z
        .string()
        .refine((origin) => origin !== '*', {
          error: 'must list explicit origins ("*" is not allowed with credentials)',
        })
        .pipe(z.url({ error: 'must be a comma list of origins such as https://tracklit.app' })),
    ),
  ),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o'),
  /** Whether OPENAI_MODEL reads images (coaching.askMedia); gpt-4o does. */
  OPENAI_VISION: boolean(true),
  /** When OpenAI fails (down, timed out, malformed twice), answer with the built-in coach. */
  AI_FALLBACK_TO_BUILTIN: boolean(false),
  /** Per attempt; the SDK retries up to AI_MAX_RETRIES times on timeouts, 429 and 5xx. */
  AI_TIMEOUT_MS: integer(12_000, 1_000, 300_000),
  AI_MAX_RETRIES: integer(1, 0, 5),
  /** How much of a conversation's past (estimated tokens) goes with each question. */
  AI_HISTORY_TOKEN_BUDGET: integer(2_000, 0, 100_000),

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_PRO: optionalString,
  STRIPE_PRICE_STAR: optionalString,
  /** Where Checkout and the billing portal send the athlete back when a call names no URL. */
  STRIPE_RETURN_URL: optionalUrl,

  TERRA_DEV_ID: optionalString,
  TERRA_API_KEY: optionalString,
  TERRA_WEBHOOK_SECRET: optionalString,
  /** Terra's REST base URL (tests point it at a local server). */
  TERRA_API_URL: optionalUrl.transform((value) => value ?? 'https://api.tryterra.co'),

  TRACKLIT_WEBHOOK_SECRET: optionalString,
  TRACKLIT_EVENTS_URL: optionalUrl,
  /** Signs the events sent to TRACKLIT_EVENTS_URL (`X-Aria-Signature`). */
  TRACKLIT_EVENTS_SECRET: optionalString,
  /** Attempts per event before it is parked for an operator to replay. */
  TRACKLIT_EVENTS_MAX_ATTEMPTS: integer(8, 1, 100),
  /** First retry delay; each later one doubles, with jitter, up to TRACKLIT_EVENTS_RETRY_MAX_MS. */
  TRACKLIT_EVENTS_RETRY_BASE_MS: integer(2_000, 1, 3_600_000),
  TRACKLIT_EVENTS_RETRY_MAX_MS: integer(600_000, 1, 86_400_000),
  TRACKLIT_EVENTS_TIMEOUT_MS: integer(10_000, 100, 120_000),
  /** TrackLit's API; set, enhanced questions and plans read the athlete's context from it. */
  TRACKLIT_API_URL: optionalUrl,
  /** Per context request; past it the question is answered without the context. */
  TRACKLIT_CONTEXT_TIMEOUT_MS: integer(1_500, 50, 30_000),
  /** How long an athlete's context is reused in this process (0: fetched for every question). */
  TRACKLIT_CONTEXT_CACHE_TTL_MS: integer(60_000, 0, 3_600_000),
  /** Consecutive failed context requests that open the circuit (no requests while open). */
  TRACKLIT_CONTEXT_BREAKER_FAILURES: integer(5, 1, 1_000),
  /** How long the open circuit waits before one trial request. */
  TRACKLIT_CONTEXT_BREAKER_COOLDOWN_MS: integer(30_000, 100, 3_600_000),

  /** Run the background workers inside the API process (off where `pnpm worker` runs them). */
  JOBS_IN_PROCESS: boolean(true),
  /** A background job that failed this many times is dead (kept for an operator to replay). */
  JOBS_MAX_ATTEMPTS: integer(5, 1, 100),
  /** First retry delay of a failed job, in seconds; later ones double, with jitter. */
  JOBS_RETRY_DELAY_SECONDS: integer(10, 1, 86_400),
  /** How often an idle worker asks for work, in milliseconds. */
  JOBS_POLL_INTERVAL_MS: integer(2_000, 500, 60_000),

  /** The largest upload `coaching.analyzeMedia` accepts (a video; images stay at 10 MB), in bytes. */
  ANALYSIS_MAX_BYTES: integer(25 * 1024 * 1024, 1024, 200 * 1024 * 1024),
  /** The ffmpeg binary that extracts a video's key frames (a name on PATH or a path). */
  FFMPEG_PATH: z.string().trim().min(1).default('ffmpeg'),

  /** OTLP/HTTP base URL of a collector; traces go to `<url>/v1/traces`. Unset: no OTLP export. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  ),
  /** `key=value` pairs, comma separated, sent with every OTLP export (collector auth). */
  OTEL_EXPORTER_OTLP_HEADERS: optionalString.pipe(
    z
      .string()
      .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, {
        error: 'must be key=value pairs separated by commas',
      })
      .optional(),
  ),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('aria-api'),
  /** The build that runs (the image sets it to the commit); `service.version` and `aria_build_info`. */
  ARIA_VERSION: z.string().trim().min(1).max(128).default('development'),
  /** Fraction of new traces recorded (parent-based: a sampled caller is always followed). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce
    .number({ error: 'must be a number between 0 and 1' })
    .min(0, { error: 'must be between 0 and 1' })
    .max(1, { error: 'must be between 0 and 1' })
    .default(1),
  /** Azure Monitor (Application Insights) exporter; unset: no Azure export. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString.pipe(
    z
      .string()
      .regex(/(^|;)\s*(InstrumentationKey|IngestionEndpoint)=/i, {
        error: 'must be an Application Insights connection string (InstrumentationKey=…)',
      })
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable name the schema reads (deployment files are checked against this list). */
export const envVariableNames: readonly string[] = Object.keys(envSchema.shape);
