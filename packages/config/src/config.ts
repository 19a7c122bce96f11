import type { Env } from './schema.js';

export type NodeEnv = Env['NODE_ENV'];
export type LogLevel = Env['LOG_LEVEL'];

/** The typed, frozen view of the environment that every other package receives. */
export interface Config {
  readonly nodeEnv: NodeEnv;
  readonly server: {
    readonly port: number;
    readonly host: string;
    readonly corsOrigins: readonly string[];
    readonly requestTimeoutMs: number;
    readonly shutdownTimeoutMs: number;
    /** How long readiness fails before the server stops accepting (load balancers notice). */
    readonly shutdownDrainMs: number;
    /** The most calls a tRPC batch may carry; a longer one is refused before any call runs. */
    readonly trpcMaxBatchSize: number;
    readonly healthCheckTimeoutMs: number;
    /** See TIER_CACHE_TTL_MS. */
    readonly tierCacheTtlMs: number;
    /** Apply pending migrations when the server starts (off where a migration job runs). */
    readonly migrateOnStart: boolean;
  };
  readonly logLevel: LogLevel;
  /** Where embedded state (PGlite data, the development JWT secret) lives. */
  readonly dataDir: string;
  readonly database: { readonly url: string | undefined; readonly poolMax: number };
  readonly redis: { readonly url: string; readonly token: string } | undefined;
  readonly auth: {
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly issuer: string | undefined;
    readonly audience: string | undefined;
    readonly internalApiKey: string | undefined;
  };
  readonly openai: {
    readonly apiKey: string | undefined;
    readonly baseUrl: string | undefined;
    readonly model: string;
    /** Whether the model reads images. */
    readonly vision: boolean;
  };
  /** The coaching provider's resilience and memory settings. */
  readonly ai: {
    readonly fallbackToBuiltin: boolean;
    readonly timeoutMs: number;
    readonly maxRetries: number;
    readonly historyTokenBudget: number;
  };
  readonly stripe: {
    readonly secretKey: string | undefined;
    readonly webhookSecret: string | undefined;
    readonly pricePro: string | undefined;
    readonly priceStar: string | undefined;
    readonly returnUrl: string | undefined;
  };
  readonly terra: {
    readonly devId: string | undefined;
    readonly apiKey: string | undefined;
    readonly webhookSecret: string | undefined;
    /** REST base URL (TERRA_API_URL), https://api.tryterra.co by default. */
    readonly apiUrl: string;
  };
  readonly tracklit: {
    readonly webhookSecret: string | undefined;
    readonly eventsUrl: string | undefined;
    readonly eventsSecret: string | undefined;
    readonly eventsMaxAttempts: number;
    readonly eventsRetryBaseMs: number;
    readonly eventsRetryMaxMs: number;
    readonly eventsTimeoutMs: number;
    /** TrackLit's API base URL; unset, no context is read from TrackLit. */
    readonly apiUrl: string | undefined;
    /** Reading an athlete's context (`GET /api/athletes/{id}/context`). */
    readonly context: {
      readonly timeoutMs: number;
      readonly cacheTtlMs: number;
      readonly breakerFailures: number;
      readonly breakerCooldownMs: number;
    };
  };
  /** Background jobs (pg-boss in the application database). */
  readonly jobs: {
    /** Whether the API process runs the workers too. */
    readonly inProcess: boolean;
    readonly maxAttempts: number;
    readonly retryDelaySeconds: number;
    readonly pollIntervalMs: number;
  };
  /** Background analysis of sprint videos and images (coaching.analyzeMedia). */
  readonly analysis: {
    /** The largest upload, in bytes. */
    readonly maxBytes: number;
    readonly ffmpegPath: string;
  };
  /** Traces are exported only where an exporter is configured; both may be on at once. */
  readonly telemetry: {
    readonly serviceName: string;
    readonly serviceVersion: string;
    /** Full OTLP/HTTP traces URL (`OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`). */
    readonly otlpTracesUrl: string | undefined;
    readonly otlpHeaders: Readonly<Record<string, string>>;
    readonly azureMonitorConnectionString: string | undefined;
    readonly sampleRatio: number;
  };
}

function otlpTracesUrl(endpoint: string | undefined): string | undefined {
  return endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

function keyValuePairs(list: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const item of (list ?? '').split(',')) {
    const at = item.indexOf('=');
    if (at <= 0) continue;
    pairs[item.slice(0, at).trim()] = decodeHeaderValue(item.slice(at + 1).trim());
  }
  return pairs;
}

/** OTLP header values are URL-encoded (OpenTelemetry spec); a stray `%` is kept as it is. */
function decodeHeaderValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function toConfig(env: Env): Config {
  return {
    nodeEnv: env.NODE_ENV,
    server: {
      port: env.PORT,
      host: env.HOST,
      corsOrigins: env.CORS_ORIGINS,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      shutdownDrainMs: env.SHUTDOWN_DRAIN_MS,
      trpcMaxBatchSize: env.TRPC_MAX_BATCH_SIZE,
      healthCheckTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS,
      tierCacheTtlMs: env.TIER_CACHE_TTL_MS,
      migrateOnStart: env.MIGRATE_ON_START,
    },
    logLevel: env.LOG_LEVEL,
    dataDir: env.ARIA_DATA_DIR,
    database: { url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX },
    redis:
      env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
        ? { url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }
        : undefined,
    auth: {
      jwtSecret: env.JWT_SECRET,
      jwksUrl: env.JWT_JWKS_URL,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      internalApiKey: env.INTERNAL_API_KEY,
    },
    openai: {
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      vision: env.OPENAI_VISION,
    },
    ai: {
      fallbackToBuiltin: env.AI_FALLBACK_TO_BUILTIN,
      timeoutMs: env.AI_TIMEOUT_MS,
      maxRetries: env.AI_MAX_RETRIES,
      historyTokenBudget: env.AI_HISTORY_TOKEN_BUDGET,
    },
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      pricePro: env.STRIPE_PRICE_PRO,
      priceStar: env.STRIPE_PRICE_STAR,
      returnUrl: env.STRIPE_RETURN_URL,
    },
    terra: {
      devId: env.TERRA_DEV_ID,
      apiKey: env.TERRA_API_KEY,
      webhookSecret: env.TERRA_WEBHOOK_SECRET,
      apiUrl: env.TERRA_API_URL,
    },
    tracklit: {
      webhookSecret: env.TRACKLIT_WEBHOOK_SECRET,
      eventsUrl: env.TRACKLIT_EVENTS_URL,
      eventsSecret: env.TRACKLIT_EVENTS_SECRET,
      eventsMaxAttempts: env.TRACKLIT_EVENTS_MAX_ATTEMPTS,
      eventsRetryBaseMs: env.TRACKLIT_EVENTS_RETRY_BASE_MS,
      eventsRetryMaxMs: env.TRACKLIT_EVENTS_RETRY_MAX_MS,
      eventsTimeoutMs: env.TRACKLIT_EVENTS_TIMEOUT_MS,
      apiUrl: env.TRACKLIT_API_URL,
      context: {
        timeoutMs: env.TRACKLIT_CONTEXT_TIMEOUT_MS,
        cacheTtlMs: env.TRACKLIT_CONTEXT_CACHE_TTL_MS,
        breakerFailures: env.TRACKLIT_CONTEXT_BREAKER_FAILURES,
        breakerCooldownMs: env.TRACKLIT_CONTEXT_BREAKER_COOLDOWN_MS,
      },
    },
    jobs: {
      inProcess: env.JOBS_IN_PROCESS,
      maxAttempts: env.JOBS_MAX_ATTEMPTS,
      retryDelaySeconds: env.JOBS_RETRY_DELAY_SECONDS,
      pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
    },
    analysis: {
      maxBytes: env.ANALYSIS_MAX_BYTES,
      ffmpegPath: env.FFMPEG_PATH,
    },
    telemetry: {
      serviceName: env.OTEL_SERVICE_NAME,
      serviceVersion: env.ARIA_VERSION,
      otlpTracesUrl: otlpTracesUrl(env.OTEL_EXPORTER_OTLP_ENDPOINT),
      otlpHeaders: keyValuePairs(env.OTEL_EXPORTER_OTLP_HEADERS),
      azureMonitorConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
      sampleRatio: env.OTEL_TRACES_SAMPLER_ARG,
    },
  };
}
