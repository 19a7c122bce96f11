import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Terra signs `${t}.${rawBody}` and Aria accepts deliveries signed within 5 minutes. */
export const terraSignatureToleranceSeconds = 300;

export type TerraSignatureResult =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export interface TerraSignatureCheck {
  readonly secret: string;
  /** The `terra-signature` header: `t=<unix>,v1=<hex>[,v1=<hex>…]`. */
  readonly header: string | null | undefined;
  /** The request body exactly as received. */
  readonly rawBody: string;
  readonly now: Date;
  readonly toleranceSeconds?: number;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/** hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`)). */
export function terraSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** A `terra-signature` header value for a body, as Terra would send it (tests and fakes). */
export function terraSignatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${terraSignature(secret, timestamp, rawBody)}`;
}

/**
 * Checks a delivery's `terra-signature` (docs.tryterra.co): any `v1` equal, in constant time,
 * to the HMAC of `${t}.${rawBody}`, with `t` within the tolerance of `now` either way.
 */
export function verifyTerraSignature(check: TerraSignatureCheck): TerraSignatureResult {
  if (!check.header) return { ok: false, reason: 'missing' };
  const parsed = parseHeader(check.header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const tolerance = check.toleranceSeconds ?? terraSignatureToleranceSeconds;
  const age = Math.abs(Math.floor(check.now.getTime() / 1000) - parsed.timestamp);
  if (age > tolerance) return { ok: false, reason: 'expired' };
  const expected = Buffer.from(
    terraSignature(check.secret, parsed.timestamp, check.rawBody),
    'hex',
  );
  const matches = parsed.signatures.some((signature) => {
    const candidate = Buffer.from(signature, 'hex');
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return matches ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'mismatch' };
}

/**
 * Terra deliveries carry no event id: a redelivery repeats the same body, so the body's
 * SHA-256 identifies the delivery for idempotency.
 */
export function terraDeliveryId(rawBody: string): string {
  return `sha256:${createHash('sha256').update(rawBody, 'utf8').digest('hex')}`;
}
