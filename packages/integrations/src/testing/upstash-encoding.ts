/** Turning ioredis replies into Upstash REST `result` values. */

/** What a RESP2 reply looks like in JSON. */
export type Reply = string | number | null | Reply[];

/** Normalises an ioredis reply: buffers become utf8 strings, nested errors their message. */
export function toReply(value: unknown): Reply {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (Array.isArray(value)) return value.map(toReply);
  if (value instanceof Error) return value.message;
  return String(value);
}

/**
 * `Upstash-Encoding: base64`: every string, nested ones too, is base64 of its utf8 bytes,
 * except the status reply "OK"; numbers and null stay as they are.
 */
export function encodeBase64(reply: Reply): Reply {
  if (typeof reply === 'string') {
    return reply === 'OK' ? reply : Buffer.from(reply, 'utf8').toString('base64');
  }
  if (Array.isArray(reply)) return reply.map(encodeBase64);
  return reply;
}
