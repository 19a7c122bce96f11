import { Writable } from 'node:stream';
import type { UserRole } from '@aria/api';
import { type Config, loadConfig } from '@aria/config';
import { migrate } from '@aria/db';
import { openEmbeddedTestDatabase } from '@aria/db/testing';
import { createApp } from '../app.js';
import { type CreateDepsOptions, createDeps, type ServerDeps } from '../deps.js';
import { signDevelopmentToken } from '../dev/development-access.js';
import { createLifecycle, type Lifecycle } from '../lifecycle.js';
import { createLogger } from '../logger.js';

export interface LogCapture {
  readonly lines: Record<string, unknown>[];
}

function captureLogs(): { capture: LogCapture; stream: Writable } {
  const capture: LogCapture = { lines: [] };
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        capture.lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { capture, stream };
}

export const testJwtSecret = 'server-test-jwt-secret-of-at-least-32-bytes';
export const testInternalApiKey = 'server-test-internal-api-key-0123456789';

export interface TestApp {
  readonly app: ReturnType<typeof createApp>;
  readonly deps: ServerDeps;
  readonly lifecycle: Lifecycle;
  readonly logs: LogCapture;
  readonly config: Config;
  /** `X-API-Key` value of the service role. */
  readonly internalApiKey: string;
  /** A valid TrackLit JWT for `Authorization: Bearer`. */
  tokenFor(sub: string, role?: UserRole): Promise<string>;
}

/** The real app on real adapters: in-memory PGlite unless env names a database. */
export async function createTestApp(
  env: Record<string, string> = {},
  options: CreateDepsOptions = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    JWT_SECRET: testJwtSecret,
    INTERNAL_API_KEY: testInternalApiKey,
    ...env,
  });
  // Without a database URL: in-memory PGlite started from a migrated snapshot (fast to open).
  const embedded =
    options.database || config.database.url ? undefined : await openEmbeddedTestDatabase();
  const created = await createDeps(config, {
    ...options,
    ...(embedded ? { database: embedded } : {}),
  });
  const deps: ServerDeps = embedded
    ? {
        ...created,
        async close() {
          await created.close();
          await embedded.close();
        },
      }
    : created;
  await migrate(deps.database);
  const { capture, stream } = captureLogs();
  const lifecycle = createLifecycle();
  lifecycle.markStarted();
  const app = createApp({ deps, logger: createLogger(config, stream), lifecycle });
  return {
    app,
    deps,
    lifecycle,
    logs: capture,
    config,
    internalApiKey: testInternalApiKey,
    tokenFor: (sub, role = 'athlete') =>
      signDevelopmentToken(config.auth.jwtSecret ?? testJwtSecret, config.auth, { sub, role }),
  };
}
