import type { z } from 'zod';
import { type Config, toConfig } from './config.js';
import { type Env, envSchema } from './schema.js';

export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Raised for a bad environment; its message names every offending variable and never a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(source: EnvSource = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.success ? [] : describeIssues(parsed.error.issues)),
    ...crossFieldProblems(source),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(toConfig(parsed.data));
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const variable = issue.path.map(String).join('.') || '(environment)';
    const reason =
      issue.code === 'invalid_value' && 'values' in issue
        ? `must be one of ${issue.values.map(String).join(', ')}`
        : issue.message;
    return `${variable}: ${reason}`;
  });
}

/** Rules between variables; they read presence only, so they can run beside a failed parse. */
function crossFieldProblems(source: EnvSource): string[] {
  const env = Object.fromEntries(
    Object.keys(envSchema.shape).map((name) => [name, source[name]?.trim() || undefined]),
  ) as Partial<Record<keyof Env, string>>;
  const problems: string[] = [];
  if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
    problems.push(
      'UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN: set both to use Redis, or neither for the in-process store',
    );
  }
  const stripe = [
    env.STRIPE_SECRET_KEY,
    env.STRIPE_WEBHOOK_SECRET,
    env.STRIPE_PRICE_PRO,
    env.STRIPE_PRICE_STAR,
  ];
  if (stripe.some(Boolean) && !stripe.every(Boolean)) {
    problems.push(
      'STRIPE_SECRET_KEY / STRIPE_WEBHOOK_SECRET / STRIPE_PRICE_PRO / STRIPE_PRICE_STAR: set all four to use Stripe, or none',
    );
  }
  if (Boolean(env.TRACKLIT_EVENTS_URL) !== Boolean(env.TRACKLIT_EVENTS_SECRET)) {
    problems.push(
      'TRACKLIT_EVENTS_URL / TRACKLIT_EVENTS_SECRET: set both to send signed events to TrackLit, or neither',
    );
  }
  if (
    env.TRACKLIT_API_URL &&
    !env.INTERNAL_API_KEY &&
    (env.NODE_ENV ?? 'development') !== 'development'
  ) {
    problems.push(
      'INTERNAL_API_KEY: required with TRACKLIT_API_URL (Aria sends it to TrackLit as X-API-Key)',
    );
  }
  if (env.JWT_JWKS_URL && (!env.JWT_ISSUER || !env.JWT_AUDIENCE)) {
    problems.push('JWT_ISSUER / JWT_AUDIENCE: required when JWT_JWKS_URL is set');
  }
  if (env.NODE_ENV === 'production') {
    if (!env.JWT_SECRET && !env.JWT_JWKS_URL) {
      problems.push('JWT_SECRET or JWT_JWKS_URL: one is required in production');
    }
    if (!env.INTERNAL_API_KEY) problems.push('INTERNAL_API_KEY: required in production');
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
