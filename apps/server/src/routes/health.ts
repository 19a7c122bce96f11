import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import type { ServerDeps } from '../deps.js';
import type { Lifecycle } from '../lifecycle.js';

type CheckResult = { status: 'ok'; durationMs: number } | { status: 'fail'; reason: string };

async function runCheck(
  probe: () => Promise<void>,
  timeoutMs: number,
  onFailure: (error: unknown) => void,
): Promise<CheckResult> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([probe().then(() => 'ok' as const), timedOut]);
    if (outcome === 'timeout') return { status: 'fail', reason: `timed out after ${timeoutMs} ms` };
    return { status: 'ok', durationMs: Math.round(performance.now() - startedAt) };
  } catch (error) {
    onFailure(error);
    return { status: 'fail', reason: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness, readiness (database and Redis) and start-up probes. */
export function healthRoutes(deps: ServerDeps, lifecycle: Lifecycle) {
  const checks = {
    database: () => deps.database.ping(),
    redis: () => deps.kv.ping(),
  };
  const timeoutMs = deps.config.server.healthCheckTimeoutMs;

  return new Hono<AppEnv>()
    .get('/live', (c) => c.json({ status: 'ok' }))
    .get('/startup', (c) =>
      lifecycle.started ? c.json({ status: 'ok' }) : c.json({ status: 'starting' }, 503),
    )
    .get('/ready', async (c) => {
      if (lifecycle.draining) return c.json({ status: 'fail', reason: 'shutting down' }, 503);
      const entries = await Promise.all(
        Object.entries(checks).map(async ([name, probe]) => {
          const result = await runCheck(probe, timeoutMs, (error) =>
            c.get('logger').warn({ err: error, check: name }, 'readiness check failed'),
          );
          return [name, result] as const;
        }),
      );
      const failing = entries.filter(([, result]) => result.status === 'fail').map(([n]) => n);
      const body = {
        status: failing.length === 0 ? 'ok' : 'fail',
        ...(failing.length > 0 ? { failing } : {}),
        checks: Object.fromEntries(entries),
      };
      return c.json(body, failing.length === 0 ? 200 : 503);
    });
}
