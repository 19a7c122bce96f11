import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load.js';

const secret = 'x'.repeat(32);
const productionEnv = { NODE_ENV: 'production', JWT_SECRET: secret, INTERNAL_API_KEY: secret };

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to refuse this environment');
}

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.server.port).toBe(8000);
    expect(config.database.url).toBeUndefined();
    expect(config.redis).toBeUndefined();
    expect(config.dataDir).toBe('.aria');
    expect(config.openai.model).toBe('gpt-4o');
    expect(config.openai.vision).toBe(true);
    expect(config.ai).toEqual({
      fallbackToBuiltin: false,
      timeoutMs: 12_000,
      maxRetries: 1,
      historyTokenBudget: 2_000,
    });
    expect(config.server.corsOrigins).toEqual([]);
  });

  it('drains for 5 s on SIGTERM and caps tRPC batches at 10 calls by default', () => {
    expect(loadConfig({}).server).toMatchObject({ shutdownDrainMs: 5_000, trpcMaxBatchSize: 10 });
    const set = loadConfig({ SHUTDOWN_DRAIN_MS: '0', TRPC_MAX_BATCH_SIZE: '25' }).server;
    expect(set).toMatchObject({ shutdownDrainMs: 0, trpcMaxBatchSize: 25 });
    expect(() => loadConfig({ TRPC_MAX_BATCH_SIZE: '0' })).toThrow(/TRPC_MAX_BATCH_SIZE/);
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://tracklit.app' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
    expect(Object.isFrozen(config.server.corsOrigins)).toBe(true);
  });

  it('maps every contract variable into the typed config', () => {
    const config = loadConfig({
      PORT: '9001',
      DATABASE_URL: 'postgres://u@db:5432/aria',
      UPSTASH_REDIS_REST_URL: 'https://redis.example',
      UPSTASH_REDIS_REST_TOKEN: 'token',
      JWT_JWKS_URL: 'https://id.example/.well-known/jwks.json',
      JWT_ISSUER: 'tracklit',
      JWT_AUDIENCE: 'aria',
      CORS_ORIGINS: 'https://tracklit.app, http://localhost:3000',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      STRIPE_SECRET_KEY: 'sk_test',
      STRIPE_WEBHOOK_SECRET: 'whsec',
      STRIPE_PRICE_PRO: 'price_pro',
      STRIPE_PRICE_STAR: 'price_star',
      TERRA_DEV_ID: 'dev',
      TERRA_API_KEY: 'key',
      TERRA_WEBHOOK_SECRET: 'whs',
      TRACKLIT_WEBHOOK_SECRET: 'tws',
      TRACKLIT_EVENTS_URL: 'https://tracklit.app/events',
      TRACKLIT_EVENTS_SECRET: 'tes',
      JOBS_IN_PROCESS: 'false',
      LOG_LEVEL: 'debug',
    });
    expect(config.server.port).toBe(9001);
    expect(config.database.url).toBe('postgres://u@db:5432/aria');
    expect(config.redis).toEqual({ url: 'https://redis.example', token: 'token' });
    expect(config.auth).toMatchObject({ jwksUrl: expect.any(String), issuer: 'tracklit' });
    expect(config.server.corsOrigins).toEqual(['https://tracklit.app', 'http://localhost:3000']);
    expect(config.openai.baseUrl).toBe('http://127.0.0.1:11434/v1');
    expect(config.stripe.priceStar).toBe('price_star');
    expect(config.terra.devId).toBe('dev');
    expect(config.terra.apiUrl).toBe('https://api.tryterra.co');
    expect(config.tracklit.eventsUrl).toBe('https://tracklit.app/events');
    expect(config.tracklit.eventsSecret).toBe('tes');
    expect(config.jobs.inProcess).toBe(false);
    expect(config.logLevel).toBe('debug');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', OPENAI_API_KEY: '  ' }).database.url).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS'],
    [{ UPSTASH_REDIS_REST_URL: 'https://redis.example' }, 'UPSTASH_REDIS_REST_TOKEN'],
    [{ JWT_JWKS_URL: 'https://id.example/jwks' }, 'JWT_ISSUER'],
    [{ STRIPE_SECRET_KEY: 'sk_test_only' }, 'STRIPE_WEBHOOK_SECRET'],
    [{ STRIPE_RETURN_URL: 'tracklit/billing' }, 'STRIPE_RETURN_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRACKLIT_EVENTS_URL: 'https://tracklit.app/events' }, 'TRACKLIT_EVENTS_SECRET'],
    [{ JOBS_MAX_ATTEMPTS: '0' }, 'JOBS_MAX_ATTEMPTS'],
    [{ TERRA_API_URL: 'terra.local' }, 'TERRA_API_URL'],
    [{ MIGRATE_ON_START: 'sometimes' }, 'MIGRATE_ON_START'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' }, 'OTEL_EXPORTER_OTLP_HEADERS'],
    [{ OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG'],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' }, 'APPLICATIONINSIGHTS'],
  ])('refuses %j naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.some((problem) => problem.includes(variable))).toBe(true);
  });

  it('never echoes a value in its message', () => {
    const leaked = 'super-secret-but-too-short';
    const problems = problemsOf({ JWT_SECRET: leaked });
    expect(problems.join('\n')).not.toContain(leaked);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'y' })).toHaveLength(2);
    expect(problemsOf({ NODE_ENV: 'production', PORT: 'x' })).toHaveLength(3);
  });

  it('leaves tracing off and migrations on by default', () => {
    const config = loadConfig({});
    expect(config.telemetry).toEqual({
      serviceName: 'aria-api',
      serviceVersion: 'development',
      otlpTracesUrl: undefined,
      otlpHeaders: {},
      azureMonitorConnectionString: undefined,
      sampleRatio: 1,
    });
    expect(config.server.migrateOnStart).toBe(true);
  });

  it('maps the telemetry and migration variables', () => {
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000';
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-tenant=aria, authorization=Basic%20abc',
      OTEL_SERVICE_NAME: 'aria-staging',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString,
      MIGRATE_ON_START: 'false',
      ARIA_VERSION: '3f2a9c1',
    });
    expect(config.telemetry).toEqual({
      serviceName: 'aria-staging',
      serviceVersion: '3f2a9c1',
      otlpTracesUrl: 'http://collector:4318/v1/traces',
      otlpHeaders: { 'x-tenant': 'aria', authorization: 'Basic abc' },
      azureMonitorConnectionString: connectionString,
      sampleRatio: 0.25,
    });
    expect(config.server.migrateOnStart).toBe(false);
    expect(loadConfig({ MIGRATE_ON_START: '1' }).server.migrateOnStart).toBe(true);
  });

  it('reads no TrackLit context by default, and bounds the context settings', () => {
    expect(loadConfig({}).tracklit).toMatchObject({
      apiUrl: undefined,
      context: {
        timeoutMs: 1_500,
        cacheTtlMs: 60_000,
        breakerFailures: 5,
        breakerCooldownMs: 30_000,
      },
    });
    const set = loadConfig({
      NODE_ENV: 'test',
      INTERNAL_API_KEY: secret,
      TRACKLIT_API_URL: 'https://api.tracklit.app',
      TRACKLIT_CONTEXT_TIMEOUT_MS: '800',
      TRACKLIT_CONTEXT_CACHE_TTL_MS: '0',
      TRACKLIT_CONTEXT_BREAKER_FAILURES: '3',
      TRACKLIT_CONTEXT_BREAKER_COOLDOWN_MS: '5000',
    }).tracklit;
    expect(set).toMatchObject({
      apiUrl: 'https://api.tracklit.app',
      context: { timeoutMs: 800, cacheTtlMs: 0, breakerFailures: 3, breakerCooldownMs: 5_000 },
    });
    expect(problemsOf({ TRACKLIT_API_URL: 'tracklit' }).join('\n')).toContain('TRACKLIT_API_URL');
    expect(problemsOf({ TRACKLIT_CONTEXT_BREAKER_FAILURES: '0' }).join('\n')).toContain(
      'TRACKLIT_CONTEXT_BREAKER_FAILURES',
    );
  });

  it('needs the internal key to call TrackLit, except in development (a generated one)', () => {
    const env = { NODE_ENV: 'test', TRACKLIT_API_URL: 'https://api.tracklit.app' };
    expect(problemsOf(env).join('\n')).toContain(
      'INTERNAL_API_KEY: required with TRACKLIT_API_URL',
    );
    expect(loadConfig({ TRACKLIT_API_URL: 'https://api.tracklit.app' }).tracklit.apiUrl).toBe(
      'https://api.tracklit.app',
    );
  });

  it('accepts a complete production environment', () => {
    expect(loadConfig(productionEnv).nodeEnv).toBe('production');
  });

  it.each([
    ['JWT_SECRET', 'JWT_SECRET or JWT_JWKS_URL'],
    ['INTERNAL_API_KEY', 'INTERNAL_API_KEY'],
  ])('stops production start-up without %s', (missing, named) => {
    const env: Record<string, string> = { ...productionEnv };
    delete env[missing];
    expect(problemsOf(env).join('\n')).toContain(named);
  });
});
