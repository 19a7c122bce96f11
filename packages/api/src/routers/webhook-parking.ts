import { createHash } from 'node:crypto';
import { type AriaDatabase, parkWebhookDelivery, pgErrorCode } from '@aria/db';
import { isStorableText } from '../schemas/primitives.js';

/**
 * A signed delivery whose content cannot be applied must not answer 5xx: the provider would
 * deliver it again forever. It is acknowledged and parked (`parked_webhook_deliveries`) for an
 * operator instead. Transient failures (database or provider unreachable) still reject, so
 * the provider delivers again later.
 */

/** Thrown by a handler for content it refuses to apply (e.g. an event without an id). */
export class UnusableDeliveryError extends Error {
  override readonly name = 'UnusableDeliveryError';
}

/**
 * Whether `error`, raised while applying a verified delivery, is about its content:
 * PostgreSQL data exceptions (class 22: a date out of range, NUL in text, a number
 * overflow) and integrity violations (class 23), or an `UnusableDeliveryError`.
 */
export function isUnusableContent(error: unknown): boolean {
  if (error instanceof UnusableDeliveryError) return true;
  const code = pgErrorCode(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}

/** The provider's event id when it has a usable one, else a digest of the body. */
export function deliveryIdOf(eventId: unknown, rawBody: string): string {
  if (typeof eventId === 'string' && eventId.length > 0 && eventId.length <= 255) {
    if (isStorableText(eventId)) return eventId;
  }
  return `sha256:${createHash('sha256').update(rawBody, 'utf8').digest('hex')}`;
}

const maxReasonLength = 500;

/**
 * A one-line reason an operator can read, at most `maxReasonLength` characters. For a
 * database error it is PostgreSQL's own message (drizzle's wrapper repeats the query and its
 * parameters, which may be personal data).
 */
function reasonOf(error: unknown): string {
  const code = pgErrorCode(error);
  const source = code === undefined ? error : databaseErrorOf(error);
  const message = source instanceof Error ? source.message : String(source);
  const text = code === undefined ? message : `SQLSTATE ${code}: ${message}`;
  // Code points: pairs stay whole; control characters and lone surrogates become spaces.
  const clean = Array.from(text, (char) => (char >= ' ' && isStorableText(char) ? char : ' '));
  return clean.join('').slice(0, maxReasonLength);
}

/** The error along the `.cause` chain that carries the SQLSTATE (the driver's own). */
function databaseErrorOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth += 1) {
    if (typeof current !== 'object' || current === null) break;
    const { cause } = current as { cause?: unknown };
    if (pgErrorCode(cause) === undefined) return current;
    current = cause;
  }
  return current;
}

export interface ParkedResult {
  readonly outcome: 'parked';
  readonly reason: string;
}

/** Parks the delivery (a redelivery of a parked one is parked once). */
export async function park(
  db: AriaDatabase,
  delivery: { readonly provider: string; readonly deliveryId: string; readonly rawBody: string },
  error: unknown,
): Promise<ParkedResult> {
  const reason = reasonOf(error);
  await parkWebhookDelivery(db, { ...delivery, reason });
  return { outcome: 'parked', reason };
}
