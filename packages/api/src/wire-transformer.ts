import superjson from 'superjson';

type SuperJsonResult = ReturnType<typeof superjson.serialize>;

/** Returned by `encode` for a value whose superjson answer it does not reproduce. */
const leaveToSuperjson = Symbol('leave to superjson');

type Annotations = ['Date'] | Record<string, ['Date']>;

interface Walk {
  /** Objects met so far: superjson records an object reached twice, so those are left to it. */
  readonly seen: Set<object>;
  /** What the value just encoded needs in superjson's `meta.values`, if anything. */
  annotations: Annotations | undefined;
}

/** superjson's path segment: dots and backslashes in a key are escaped. */
function escapeKey(key: string): string {
  return key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
}

/**
 * Folds a child's annotations into its container's, keyed by path as superjson does (level
 * by level, so the keys come out in superjson's order too).
 */
function foldChild(into: Record<string, ['Date']> | undefined, key: string, child: Annotations) {
  const folded = into ?? {};
  const segment = escapeKey(key);
  if (Array.isArray(child)) {
    folded[segment] = child;
  } else {
    for (const [path, annotation] of Object.entries(child))
      folded[`${segment}.${path}`] = annotation;
  }
  return folded;
}

/**
 * `value` as superjson writes it into `json`, for the values Aria answers with: plain objects,
 * dense arrays, strings, finite numbers other than -0, booleans, null and valid Dates (an ISO
 * string, annotated `Date`). A container is copied only when something in it changed.
 * Anything else (undefined, a Map, NaN, a class instance, an object reached twice, a key
 * superjson refuses) answers `leaveToSuperjson`.
 */
function encode(value: unknown, walk: Walk): unknown {
  walk.annotations = undefined;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0) ? value : leaveToSuperjson;
  }
  if (typeof value !== 'object' || walk.seen.has(value)) return leaveToSuperjson;
  walk.seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return leaveToSuperjson;
    walk.annotations = ['Date'];
    return value.toISOString();
  }
  let inner: Record<string, ['Date']> | undefined;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) return leaveToSuperjson;
      const encoded = encode(value[index], walk);
      if (encoded === leaveToSuperjson) return leaveToSuperjson;
      if (walk.annotations) inner = foldChild(inner, String(index), walk.annotations);
      if (encoded !== value[index]) {
        copy ??= value.slice();
        copy[index] = encoded;
      }
    }
    walk.annotations = inner;
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || value === Object.prototype) {
    return leaveToSuperjson;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      return leaveToSuperjson;
    }
    const encoded = encode(record[key], walk);
    if (encoded === leaveToSuperjson) return leaveToSuperjson;
    if (walk.annotations) inner = foldChild(inner, key, walk.annotations);
    if (encoded !== record[key]) {
      copy ??= { ...record };
      copy[key] = encoded;
    }
  }
  walk.annotations = inner;
  return copy ?? value;
}

/**
 * superjson, the transformer TrackLit's client speaks, with a shortcut for what Aria answers.
 * superjson finds out what to annotate by copying the value node by node, with a fresh path
 * array and ancestor list per node: a fifth of a public query's server work. `encode` does
 * the same for plain JSON and Dates in one pass, and the bytes on the wire are the same
 * (`wire-transformer.test.ts` compares the two on arbitrary values). It assumes superjson's
 * default rules: Aria registers no custom ones, and one that matched a plain value would
 * need this shortcut removed. It does not look at extra properties on an array, which no
 * answer carries.
 */
export const wireTransformer = {
  serialize(value: unknown): SuperJsonResult {
    const walk: Walk = { seen: new Set(), annotations: undefined };
    const json = encode(value, walk);
    if (json === leaveToSuperjson) return superjson.serialize(value);
    // `encode` checked every node: what it returns is JSON.
    const result: SuperJsonResult = { json: json as SuperJsonResult['json'] };
    if (walk.annotations) result.meta = { values: walk.annotations, v: 1 };
    return result;
  },
  deserialize<T = unknown>(payload: SuperJsonResult): T {
    return superjson.deserialize<T>(payload);
  },
};
