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

const integer = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

/** Every environment variable Aria reads. Names are the contract in ARCHITECTURE.md. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: integer(8000, 0, 65535),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ARIA_DATA_DIR: z.string().trim().min(1).default('.aria'),
  REQUEST_TIMEOUT_MS: integer(30_000, 100, 600_000),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),
  HEALTH_CHECK_TIMEOUT_MS: integer(2_000, 50, 60_000),

  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  DATABASE_POOL_MAX: integer(10, 1, 200),
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

  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_PRICE_PRO: optionalString,
  STRIPE_PRICE_STAR: optionalString,

  TERRA_DEV_ID: optionalString,
  TERRA_API_KEY: optionalString,
  TERRA_WEBHOOK_SECRET: optionalString,

  TRACKLIT_WEBHOOK_SECRET: optionalString,
  TRACKLIT_EVENTS_URL: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;
