/**
 * The signature scheme of webhooks between Aria and TrackLit, both ways:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Web Crypto only, so it runs
 * in Node 20+, browsers' workers and edge runtimes alike.
 */

/** How far a signature's `t` may lie from the receiver's clock, either way. */
export const defaultToleranceSeconds = 300;

export type SignatureFailure = 'missing' | 'malformed' | 'expired' | 'mismatch';

export type SignatureCheck =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: SignatureFailure };

export interface VerifyOptions {
  readonly toleranceSeconds?: number;
  /** The receiver's clock (tests); now by default. */
  readonly now?: Date;
}

const encoder = new TextEncoder();

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<HmacKey> {
  return crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    [usage],
  );
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`)). */
export async function computeSignature(
  secret: string,
  timestamp: number,
  rawBody: string,
): Promise<string> {
  const key = await hmacKey(secret, 'sign');
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${rawBody}`)));
}

/** The header value for a body signed at `timestamp` (unix seconds). */
export async function signatureHeader(
  secret: string,
  rawBody: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  return `t=${timestamp},v1=${await computeSignature(secret, timestamp, rawBody)}`;
}

function parseHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Checks a signature header against the raw body exactly as received: `t` within the
 * tolerance, and some `v1` equal to the HMAC. The comparison is Web Crypto's `verify`, which
 * takes the same time wherever the bytes differ.
 */
export async function verifySignature(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): Promise<SignatureCheck> {
  if (!header) return { ok: false, reason: 'missing' };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const tolerance = options.toleranceSeconds ?? defaultToleranceSeconds;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > tolerance) return { ok: false, reason: 'expired' };
  const key = await hmacKey(secret, 'verify');
  const signed = encoder.encode(`${parsed.timestamp}.${rawBody}`);
  for (const signature of parsed.signatures) {
    if (await crypto.subtle.verify('HMAC', key, fromHex(signature), signed)) {
      return { ok: true, timestamp: parsed.timestamp };
    }
  }
  return { ok: false, reason: 'mismatch' };
}
