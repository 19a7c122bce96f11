import { AppError } from '@aria/core';
import {
  applyWearableWebhook,
  findWearableAthleteTimeZone,
  type WearableWebhookOutcome,
} from '@aria/db';
import {
  normalizeTerraWebhook,
  terraDeliveryId,
  terraMetricsUser,
  verifyTerraSignature,
} from '@aria/integrations';
import type { ApiDeps } from '../../context.js';
import { isUnusableContent, park } from '../webhook-parking.js';

/**
 * What became of one delivery; `ignored`: verified and acknowledged, nothing to store;
 * `parked`: verified, but its content cannot be applied (kept for an operator, `reason`).
 */
export interface TerraWebhookResult {
  readonly eventId: string;
  readonly type: string;
  readonly outcome: WearableWebhookOutcome | 'ignored' | 'parked';
  readonly reason?: string;
}

function typeOf(payload: unknown): string {
  return typeof payload === 'object' &&
    payload !== null &&
    'type' in payload &&
    typeof payload.type === 'string'
    ? payload.type
    : 'unknown';
}

/**
 * A Terra delivery: verified (HMAC-SHA256 over `${t}.${body}`, 300 s, constant time), then
 * its connection changes or daily metrics applied in one transaction with its delivery id, so
 * a redelivery is a no-op. NOT_CONFIGURED without TERRA_WEBHOOK_SECRET; BAD_REQUEST for a
 * signature that does not verify. A verified body that cannot be read or stored (not JSON, a
 * day PostgreSQL cannot hold, …) is parked, not refused: Terra would redeliver it forever.
 */
export async function handleTerraWebhook(
  deps: Pick<ApiDeps, 'config' | 'db' | 'now'>,
  rawBody: string,
  signature: string | undefined,
): Promise<TerraWebhookResult> {
  const secret = deps.config.terra.webhookSecret;
  if (!secret) {
    throw new AppError('NOT_CONFIGURED', 'Terra webhooks need TERRA_WEBHOOK_SECRET.');
  }
  const check = verifyTerraSignature({ secret, header: signature, rawBody, now: deps.now() });
  if (!check.ok) {
    throw new AppError('BAD_REQUEST', `The terra-signature header is ${check.reason}.`);
  }
  const eventId = terraDeliveryId(rawBody);
  let type = 'unknown';
  let reading = true; // reading the body is pure: any failure there is about its content
  try {
    const payload: unknown = JSON.parse(rawBody);
    type = typeOf(payload);
    const user = terraMetricsUser(payload);
    reading = false; // the athlete's time zone: a database read, not content
    const timeZone = user ? await findWearableAthleteTimeZone(deps.db, user) : 'UTC';
    reading = true;
    const effect = normalizeTerraWebhook(payload, timeZone);
    if (effect.kind === 'ignored') return { eventId, type, outcome: 'ignored' };
    reading = false;
    return { eventId, type, outcome: await apply(deps, eventId, effect) };
  } catch (error) {
    if (!reading && !isUnusableContent(error)) throw error;
    const delivery = { provider: 'terra', deliveryId: eventId, rawBody };
    return { eventId, type, ...(await park(deps.db, delivery, error)) };
  }
}

function apply(
  deps: Pick<ApiDeps, 'db'>,
  eventId: string,
  effect: Exclude<ReturnType<typeof normalizeTerraWebhook>, { kind: 'ignored' }>,
): Promise<WearableWebhookOutcome> {
  return applyWearableWebhook(deps.db, {
    webhookProvider: 'terra',
    eventId,
    connections: effect.kind === 'connections' ? effect.changes : [],
    metrics:
      effect.kind === 'metrics'
        ? {
            provider: effect.provider,
            externalUserId: effect.externalUserId,
            athleteId: effect.athleteId,
            source: effect.source,
            days: effect.days,
          }
        : null,
  });
}
