import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '@aria/config';
import type { AriaMetrics } from '@aria/metrics';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { problemResponse } from '../http-errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The presented key: `X-API-Key: <key>` or `Authorization: Bearer <key>`. */
function presentedKey(headers: Headers): string | undefined {
  const apiKey = headers.get('x-api-key')?.trim();
  if (apiKey) return apiKey;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1];
}

/** Constant-time comparison (over digests, so lengths leak nothing either). */
export function isInternalKey(headers: Headers, internalApiKey: string | undefined): boolean {
  const presented = presentedKey(headers);
  if (!internalApiKey || !presented) return false;
  return timingSafeEqual(digest(presented), digest(internalApiKey));
}

/**
 * `GET /metrics`: Prometheus text. In production it needs INTERNAL_API_KEY (config requires
 * the key there); in development and test it is open, like the rest of a local setup.
 */
export function metricsHandler(config: Pick<Config, 'nodeEnv' | 'auth'>, metrics: AriaMetrics) {
  return async (c: Context<AppEnv>) => {
    if (
      config.nodeEnv === 'production' &&
      !isInternalKey(c.req.raw.headers, config.auth.internalApiKey)
    ) {
      return problemResponse(
        c,
        'UNAUTHORIZED',
        'The metrics endpoint needs the internal API key.',
        {
          headers: { 'WWW-Authenticate': 'Bearer' },
        },
      );
    }
    return c.body(await metrics.render(), 200, {
      'Content-Type': metrics.contentType,
      'Cache-Control': 'no-store',
    });
  };
}
