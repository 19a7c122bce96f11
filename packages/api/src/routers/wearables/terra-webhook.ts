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

/** What became of one delivery; `ignored`: verified and acknowledged, nothing to store. */
export interface TerraWebhookResult {
  readonly eventId: string;
  readonly type: string;
  readonly outcome: WearableWebhookOutcome | 'ignored';
}

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch (error) {
    throw new AppError('BAD_REQUEST', 'The Terra webhook body is not JSON.', { cause: error });
  }
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
 * signature that does not verify or a body that is not JSON.
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
  const payload = parseJson(rawBody);
  const eventId = terraDeliveryId(rawBody);
  const type = typeOf(payload);
  const user = terraMetricsUser(payload);
  const timeZone = user ? await findWearableAthleteTimeZone(deps.db, user) : 'UTC';
  const effect = normalizeTerraWebhook(payload, timeZone);
  if (effect.kind === 'ignored') return { eventId, type, outcome: 'ignored' };
  const outcome = await applyWearableWebhook(deps.db, {
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
  return { eventId, type, outcome };
}
