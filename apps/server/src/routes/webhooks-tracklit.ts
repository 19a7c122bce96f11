import { type ApiDeps, handleTrackLitWebhook } from '@aria/api';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * `POST /webhooks/tracklit`: the raw body goes to the handler as it arrived (the signature
 * covers its exact bytes). 200 acknowledges every verified delivery — applied, replayed,
 * ignored or parked — 400 is a bad or stale signature, 503 TrackLit webhooks not configured.
 */
export function trackLitWebhookRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const rawBody = await c.req.text();
    const result = await handleTrackLitWebhook(deps, rawBody, c.req.header('X-TrackLit-Signature'));
    const line = { provider: 'tracklit', ...result };
    const logger = c.get('logger');
    if (result.outcome === 'parked') logger.warn(line, 'tracklit delivery parked');
    else if (result.outcome === 'ignored') logger.info(line, 'tracklit delivery ignored');
    else logger.info(line, 'tracklit delivery');
    return c.json({ received: true, outcome: result.outcome }, 200);
  });
}
