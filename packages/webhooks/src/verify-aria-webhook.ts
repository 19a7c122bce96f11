import { type AriaEvent, ariaEventTypes } from './events.js';
import { type SignatureFailure, type VerifyOptions, verifySignature } from './signature.js';

export type AriaWebhookVerification =
  | { readonly ok: true; readonly event: AriaEvent }
  | { readonly ok: false; readonly reason: SignatureFailure | 'invalid_body' };

function isAriaEvent(value: unknown): value is AriaEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  const data = event.data as Record<string, unknown> | null | undefined;
  return (
    typeof event.id === 'string' &&
    typeof event.createdAt === 'string' &&
    (ariaEventTypes as readonly unknown[]).includes(event.type) &&
    typeof data === 'object' &&
    data !== null &&
    typeof data.athleteId === 'string'
  );
}

/**
 * For TrackLit's receiver: checks `X-Aria-Signature` against the raw body (as received, before
 * any JSON parsing) and returns the typed event. Deduplicate on `event.id`: delivery is at
 * least once.
 */
export async function verifyAriaWebhook(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): Promise<AriaWebhookVerification> {
  const check = await verifySignature(rawBody, header, secret, options);
  if (!check.ok) return check;
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'invalid_body' };
  }
  return isAriaEvent(parsed) ? { ok: true, event: parsed } : { ok: false, reason: 'invalid_body' };
}
