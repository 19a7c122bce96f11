/** Shared argument checks and JSON encoding, so both drivers behave the same way. */

export function encodeJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (typeof json !== 'string') {
    throw new TypeError(`KeyValueStore: value of type ${typeof value} is not JSON-serialisable`);
  }
  return json;
}

export function decodeJson<T>(key: string, raw: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch (cause) {
    throw new Error(`KeyValueStore: the value at "${key}" is not JSON`, { cause });
  }
}

/** Returns the TTL when given, after checking it is a whole number of seconds above 0. */
export function checkTtlSeconds(ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined) return undefined;
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(
      `KeyValueStore: ttlSeconds must be a whole number above 0, got ${ttlSeconds}`,
    );
  }
  return ttlSeconds;
}

export function checkPrefix(prefix: string): string {
  if (prefix.length === 0) {
    throw new RangeError('KeyValueStore: deleteByPrefix needs a non-empty prefix');
  }
  return prefix;
}

export function checkInteger(value: number): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`KeyValueStore: expected a safe integer, got ${value}`);
  }
  return value;
}
