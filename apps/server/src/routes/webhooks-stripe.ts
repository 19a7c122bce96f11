import { type ApiDeps, handleStripeWebhook } from '@aria/api';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * `POST /webhooks/stripe`: the raw body goes to the handler as it arrived (the signature
 * covers its exact bytes). 200 acknowledges — applied, replayed, stale, of no interest, or
 * parked (content that cannot be applied, kept for an operator) —
 * 400 is a bad signature, 503 billing not configured, 500 (Stripe unreachable) asks Stripe
 * to deliver again.
 */
export function stripeWebhookRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const rawBody = await c.req.text();
    const result = await handleStripeWebhook(deps, rawBody, c.req.header('Stripe-Signature'));
    const line = { provider: 'stripe', ...result };
    const logger = c.get('logger');
    if (result.outcome === 'parked') logger.warn(line, 'stripe delivery parked for an operator');
    else if (result.outcome === 'unmatched')
      logger.warn(line, 'stripe event names no known athlete');
    else if (result.outcome === 'cancelled_second_subscription') {
      logger.warn(line, 'cancelled a second Stripe subscription of one athlete; refund it if paid');
    } else if (result.outcome === 'ignored')
      logger.info(line, 'stripe event acknowledged, not used');
    else logger.info(line, 'stripe event');
    return c.json({ received: true, outcome: result.outcome }, 200);
  });
}
