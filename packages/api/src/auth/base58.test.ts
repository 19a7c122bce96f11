import { describe, expect, it } from 'vitest';
import { base58Alphabet, encodeBase58 } from './base58.js';

const hex = (value: string) => Uint8Array.from(Buffer.from(value, 'hex'));

describe('encodeBase58', () => {
  // Vectors from the Bitcoin Core base58 tests (src/test/data/base58_encode_decode.json).
  it.each([
    ['', ''],
    ['61', '2g'],
    ['626262', 'a3gV'],
    ['636363', 'aPEr'],
    ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
    ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
    ['516b6fcd0f', 'ABnLTmg'],
    ['bf4f89001e670274dd', '3SEo3LWLoPntC'],
    ['572e4794', '3EFU7m'],
    ['ecac89cad93923c02321', 'EJDM8drfXA6uyA'],
    ['10c8511e', 'Rt5zm'],
    ['00000000000000000000', '1111111111'],
  ])('encodes %s as %s', (input, expected) => {
    expect(encodeBase58(hex(input))).toBe(expected);
  });

  it('uses only the 58 unambiguous characters', () => {
    expect(base58Alphabet).toHaveLength(58);
    expect(base58Alphabet).not.toMatch(/[0OIl]/);
    expect(encodeBase58(new Uint8Array(32).fill(255))).toMatch(/^[1-9A-HJ-NP-Za-km-z]{44}$/);
  });
});
