/**
 * Base58 (the Bitcoin alphabet: no 0, O, I, l), used for the secret part of API keys.
 * Encoding 32 bytes once per issued key needs only these few lines, so no dependency.
 */
export const base58Alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function encodeBase58(bytes: Uint8Array): string {
  let leadingZeros = 0;
  while (leadingZeros < bytes.length && bytes[leadingZeros] === 0) leadingZeros += 1;

  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);

  let digits = '';
  while (value > 0n) {
    digits = base58Alphabet.charAt(Number(value % 58n)) + digits;
    value /= 58n;
  }
  return '1'.repeat(leadingZeros) + digits;
}
