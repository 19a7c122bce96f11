import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { wireTransformer } from './wire-transformer.js';

const onWire = (result: unknown) => JSON.stringify(result);

/** The bytes a serializer puts on the wire for `value`, or what it threw (superjson refuses some keys). */
function wireOf(serialize: (value: unknown) => unknown, value: unknown): string {
  try {
    return onWire(serialize(value));
  } catch (error) {
    return `threw ${error instanceof Error ? error.message : String(error)}`;
  }
}
const ours = (value: unknown) => wireTransformer.serialize(value);
const superjsons = (value: unknown) => superjson.serialize(value);

/** Values superjson must annotate, mixed into otherwise plain JSON. */
const special = fc.oneof(
  fc.constant(undefined),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-0),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
  fc.constant(new Map([['k', 1]])),
  fc.constant(new Set([1])),
  fc.constant(/x/g),
  fc.constant(new Error('boom')),
  fc.constant(new URL('https://example.com/a')),
);

const plainOrSpecial = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    special,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('wireTransformer', () => {
  it('puts the same bytes on the wire as superjson, for plain and annotated values', () => {
    fc.assert(
      fc.property(plainOrSpecial, (value) => {
        expect(wireOf(ours, value)).toBe(wireOf(superjsons, value));
      }),
      { numRuns: 2_000 },
    );
  });

  it('answers plain JSON as itself, without meta', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(wireOf(ours, value)).toBe(wireOf(superjsons, value));
        const negativeZero = JSON.stringify(value, (_, v) => (Object.is(v, -0) ? '-0' : v));
        if (negativeZero.includes('"-0"')) return; // superjson annotates -0
        if (wireOf(superjsons, value).startsWith('threw')) return; // a key it refuses
        expect(wireTransformer.serialize(value)).toEqual({ json: value });
      }),
    );
  });

  it('leaves repeated and circular objects to superjson, which records them', () => {
    const shared = { a: 1 };
    const repeated = { first: shared, second: shared };
    expect(wireTransformer.serialize(repeated)).toEqual(superjson.serialize(repeated));
    expect(wireTransformer.serialize(repeated).meta).toBeDefined();

    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    expect(onWire(wireTransformer.serialize(circular))).toBe(onWire(superjson.serialize(circular)));
  });

  it('leaves class instances, sparse arrays and null-prototype objects to their exact superjson answer', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const sparse: unknown[] = [1];
    sparse[3] = 2;
    const bare = Object.assign(Object.create(null) as object, { a: [1, 'b'] });
    for (const value of [
      new Point(1),
      { p: new Point(2) },
      sparse,
      bare,
      [undefined],
      { u: undefined },
    ]) {
      expect(wireOf(ours, value)).toBe(wireOf(superjsons, value));
    }
  });

  it('refuses a prototype-polluting key as superjson does', () => {
    const polluted = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
    expect(() => wireTransformer.serialize(polluted)).toThrow(/__proto__/);
    expect(() => wireTransformer.serialize({ constructor: 1 })).toThrow(/constructor/);
  });

  it('reads what it writes back into the same values', () => {
    fc.assert(
      fc.property(plainOrSpecial, (value) => {
        if (wireOf(superjsons, value).startsWith('threw')) return;
        const back = wireTransformer.deserialize(
          JSON.parse(onWire(wireTransformer.serialize(value))),
        );
        expect(back).toEqual(superjson.deserialize(JSON.parse(onWire(superjson.serialize(value)))));
      }),
      { numRuns: 500 },
    );
  });
});

describe('wireTransformer with Dates', () => {
  it('annotates Dates at superjson paths, escaping dots and backslashes in keys', () => {
    const at = new Date('2026-12-02T10:00:00.000Z');
    const values = [
      at,
      [at],
      { createdAt: at, nested: { 'a.b': new Date(0), 'c\\d': [new Date(1), 'x'] } },
      { 7: new Date(2), b: { 1: new Date(3) }, a: [null, { z: new Date(4) }] },
      // superjson orders each level's keys on its own: '1' before '0.d' inside x
      { x: [{ d: new Date(1) }, new Date(2)], '': new Date(3) },
    ];
    for (const value of values) {
      expect(wireOf(ours, value)).toBe(wireOf(superjsons, value));
    }
    expect(wireTransformer.serialize({ at }).meta).toEqual({ values: { at: ['Date'] }, v: 1 });
  });

  it('leaves the value it was given unchanged', () => {
    const at = new Date(5);
    const view = { at, list: [at.getTime(), { when: new Date(6) }] };
    wireTransformer.serialize(view);
    expect(view.at).toBe(at);
    expect(view.list[1]).toEqual({ when: new Date(6) });
  });

  it('leaves an invalid Date, or one Date reached twice, to superjson', () => {
    const at = new Date(7);
    for (const value of [{ bad: new Date(Number.NaN) }, { createdAt: at, updatedAt: at }]) {
      expect(wireOf(ours, value)).toBe(wireOf(superjsons, value));
    }
  });
});
