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
    readonly healthCheckTimeoutMs: number;
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
  };
  readonly stripe: {
    readonly secretKey: string | undefined;
    readonly webhookSecret: string | undefined;
    readonly pricePro: string | undefined;
    readonly priceStar: string | undefined;
  };
  readonly terra: {
    readonly devId: string | undefined;
    readonly apiKey: string | undefined;
    readonly webhookSecret: string | undefined;
  };
  readonly tracklit: {
    readonly webhookSecret: string | undefined;
    readonly eventsUrl: string | undefined;
  };
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
      healthCheckTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS,
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
    openai: { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL },
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      pricePro: env.STRIPE_PRICE_PRO,
      priceStar: env.STRIPE_PRICE_STAR,
    },
    terra: {
      devId: env.TERRA_DEV_ID,
      apiKey: env.TERRA_API_KEY,
      webhookSecret: env.TERRA_WEBHOOK_SECRET,
    },
    tracklit: { webhookSecret: env.TRACKLIT_WEBHOOK_SECRET, eventsUrl: env.TRACKLIT_EVENTS_URL },
  };
}
