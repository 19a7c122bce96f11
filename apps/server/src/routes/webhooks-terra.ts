import { type ApiDeps, handleTerraWebhook } from '@aria/api';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * `POST /webhooks/terra`: the raw body goes to the handler as it arrived (the signature covers
 * its exact bytes). 200 acknowledges — applied, replayed, unmatched, of no interest, or parked
 * (signed content that cannot be applied, kept for an operator) — 400 is a bad signature,
 * 503 Terra webhooks not configured; anything else asks Terra to deliver again.
 */
export function terraWebhookRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const rawBody = await c.req.text();
    const result = await handleTerraWebhook(deps, rawBody, c.req.header('terra-signature'));
    const line = { provider: 'terra', ...result };
    const logger = c.get('logger');
    if (result.outcome === 'parked') logger.warn(line, 'terra delivery parked for an operator');
    else if (result.outcome === 'unmatched')
      logger.warn(line, 'terra delivery names no known athlete');
    else logger.info(line, 'terra delivery');
    return c.json({ received: true, outcome: result.outcome }, 200);
  });
}
