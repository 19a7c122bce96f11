import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';

// patches/@trpc__server@11.22.1.patch makes tRPC's object-spread helper use Object.assign.
// These pin what the original helper did and assignment alone would not.
describe('tRPC object spreads (patched helper)', () => {
  const t = initTRPC.context<{ base: string }>().create();
  const passThrough = (value: unknown) => value as Record<string, unknown>;

  it('merges a chained input with an own "__proto__" key as data, not as a prototype', async () => {
    const procedure = t.procedure
      .input(passThrough)
      .input(passThrough)
      .query(({ input }) => ({
        ownProto: Object.hasOwn(input, '__proto__'),
        prototypeKept: Object.getPrototypeOf(input) === Object.prototype,
        inherited: (input as { polluted?: unknown }).polluted,
      }));
    const caller = t.createCallerFactory(t.router({ procedure }))({ base: 'unused' });
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;

    await expect(caller.procedure(raw)).resolves.toEqual({
      ownProto: true,
      prototypeKept: true,
      inherited: undefined,
    });
  });

  it('carries symbol and string context keys through every middleware', async () => {
    const marker = Symbol('marker');
    const procedure = t.procedure
      .use(({ next }) => next({ ctx: { [marker]: 'from middleware', added: 1 } }))
      .use(({ next }) => next())
      .query(({ ctx }) => ({ marker: ctx[marker], added: ctx.added, base: ctx.base }));
    const caller = t.createCallerFactory(t.router({ procedure }))({ base: 'kept' });

    await expect(caller.procedure()).resolves.toEqual({
      marker: 'from middleware',
      added: 1,
      base: 'kept',
    });
  });
});
