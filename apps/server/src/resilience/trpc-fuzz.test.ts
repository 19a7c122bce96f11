import { appRouter } from '@aria/api';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type JsonSchema, valueFor } from './testing/arbitraries.js';
import { type CallerName, fuzzRuns, startFuzzApp } from './testing/fuzz-app.js';
import { expectSound } from './testing/leaks.js';

// Every tRPC procedure, called over HTTP (superjson's `{ json }` envelope) with inputs
// generated from its own zod schema, valid-looking values mixed with nasty ones, by every
// kind of caller: no answer is a 5xx, and none shows internals.

interface ProcedureDef {
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly inputs: readonly z.ZodType[];
}

const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def
    .procedures,
).map(([path, procedure]) => ({ path, def: procedure._def }));

function inputSchema(def: ProcedureDef): JsonSchema {
  const [schema] = def.inputs;
  if (!schema) return {};
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const fuzz = await startFuzzApp();
const callerNames: CallerName[] = ['athlete', 'coach', 'admin', 'service', 'anonymous'];
const noRefs = (ref: string): JsonSchema => {
  throw new Error(`unexpected $ref ${ref}`);
};

describe('tRPC procedures under generated input', () => {
  afterAll(() => fuzz.close());

  it('walks the whole router', () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    '%s',
    async (path, { def }) => {
      const input = fc.option(valueFor(inputSchema(def), noRefs), { freq: 8 });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...callerNames), input, async (caller, value) => {
          fuzz.tick();
          const envelope = JSON.stringify(value === null ? {} : { json: value });
          const request =
            def.type === 'query'
              ? fuzz.t.app.request(`/trpc/${path}?input=${encodeURIComponent(envelope)}`, {
                  headers: fuzz.callers[caller],
                })
              : fuzz.t.app.request(`/trpc/${path}`, {
                  method: 'POST',
                  headers: { ...fuzz.callers[caller], 'Content-Type': 'application/json' },
                  body: envelope,
                });
          const response = await request;
          expectSound(`${path} ${envelope.slice(0, 200)}`, {
            status: response.status,
            text: await response.text(),
          });
        }),
        { numRuns: fuzzRuns },
      );
    },
    120_000,
  );
});
