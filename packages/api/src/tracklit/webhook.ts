import { AppError } from '@aria/core';
import { forgetTierRow, parkWebhook, recordWebhookEvent } from '@aria/db';
import { verifySignature } from '@aria/webhooks';
import type { z } from 'zod';
import { forgetAthlete } from '../auth/provision.js';
import type { ApiDeps } from '../context.js';
import {
  eraseUser,
  logTrainingSession,
  setTrackLitTier,
  syncProfile,
  type TrackLitEffect,
} from './apply-event.js';
import {
  subscriptionChangedSchema,
  type TrackLitEnvelope,
  trackLitEnvelopeSchema,
  trainingCompletedSchema,
  userUpdatedSchema,
} from './payload.js';

/** TrackLit deliveries are accepted within 5 minutes of their signature's `t`, either way. */
export const trackLitToleranceSeconds = 300;

export interface TrackLitWebhookResult {
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  /** `duplicate`: this id was applied before; `parked`: verified but unusable, kept for an operator. */
  readonly outcome: TrackLitEffect | 'duplicate' | 'parked';
  readonly reason?: string;
}

type Handler = (deps: Pick<ApiDeps, 'db'>, envelope: TrackLitEnvelope) => Promise<TrackLitEffect>;

/** Each known type: how its `data` is read and applied (inside the delivery's transaction). */
function handlerFor(type: string): { schema: z.ZodType; apply: Handler } | undefined {
  switch (type) {
    case 'user.updated':
      return {
        schema: userUpdatedSchema,
        apply: (d, e) => syncProfile(d.db, userUpdatedSchema.parse(e.data)),
      };
    case 'user.deleted':
      return {
        schema: trackLitEnvelopeSchema.shape.data,
        apply: (d, e) => eraseUser(d.db, e.data.userId),
      };
    case 'training.completed':
      return {
        schema: trainingCompletedSchema,
        apply: (d, e) => logTrainingSession(d.db, trainingCompletedSchema.parse(e.data)),
      };
    case 'subscription.changed':
      return {
        schema: subscriptionChangedSchema,
        apply: (d, e) => setTrackLitTier(d.db, subscriptionChangedSchema.parse(e.data)),
      };
    default:
      return undefined;
  }
}

function parseJson(rawBody: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(rawBody) };
  } catch {
    return { ok: false };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/**
 * A TrackLit delivery: verified (`X-TrackLit-Signature`, HMAC-SHA256 over `${t}.${body}`, 5
 * minutes, constant time), then applied in one transaction with its id, so a replay changes
 * nothing. A forged or stale delivery is BAD_REQUEST and changes nothing; NOT_CONFIGURED
 * without TRACKLIT_WEBHOOK_SECRET. A verified delivery always gets a 200: unknown types are
 * ignored, content that cannot be used is parked for an operator.
 */
export async function handleTrackLitWebhook(
  deps: Pick<ApiDeps, 'config' | 'db' | 'kv' | 'now'>,
  rawBody: string,
  signature: string | undefined,
): Promise<TrackLitWebhookResult> {
  const secret = deps.config.tracklit.webhookSecret;
  if (!secret) {
    throw new AppError('NOT_CONFIGURED', 'TrackLit webhooks need TRACKLIT_WEBHOOK_SECRET.');
  }
  const check = await verifySignature(rawBody, signature, secret, {
    toleranceSeconds: trackLitToleranceSeconds,
    now: deps.now(),
  });
  if (!check.ok) {
    throw new AppError('BAD_REQUEST', `The X-TrackLit-Signature header is ${check.reason}.`);
  }

  const park = async (reason: string, eventId?: string, type?: string) => {
    await parkWebhook(deps.db, { provider: 'tracklit', eventId, reason, body: rawBody });
    return { eventId, type, outcome: 'parked', reason } as const;
  };
  const json = parseJson(rawBody);
  if (!json.ok) return park('the body is not JSON');
  const envelope = trackLitEnvelopeSchema.safeParse(json.value);
  if (!envelope.success) return park(describeIssues(envelope.error));
  const { id: eventId, type } = envelope.data;
  const handler = handlerFor(type);
  if (!handler) return { eventId, type, outcome: 'ignored', reason: 'unknown type' };
  const data = handler.schema.safeParse(envelope.data.data);
  if (!data.success) return park(describeIssues(data.error), eventId, type);

  const outcome = await deps.db.transaction(async (tx) => {
    if (!(await recordWebhookEvent(tx, 'tracklit', eventId))) return 'duplicate' as const;
    return handler.apply({ db: tx }, envelope.data);
  });
  // Its transaction may have changed the athlete's tier or time zone, and is now committed.
  forgetTierRow(deps.db, envelope.data.data.userId);
  if (type === 'user.deleted' && outcome === 'applied') {
    await forgetAthlete(deps, envelope.data.data.userId);
  }
  return { eventId, type, outcome };
}
