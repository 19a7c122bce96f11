import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodePathSegment,
  type JsonSchema,
  objectFor,
  parameterText,
  valueFor,
} from './testing/arbitraries.js';
import { type CallerName, fuzzRuns, startFuzzApp } from './testing/fuzz-app.js';
import { expectSound } from './testing/leaks.js';

// Every REST operation of the served OpenAPI document, called with generated paths, queries
// and bodies (valid-looking values mixed with NUL, year 0, huge numbers, stray keys, …) by
// every kind of caller: no answer is a 5xx, and none shows internals.

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: JsonSchema;
}

interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema?: JsonSchema }> };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
}

const fuzz = await startFuzzApp();
const document = (await (await fuzz.t.app.request('/openapi.json')).json()) as OpenApiDocument;
const resolve = (ref: string): JsonSchema => {
  const name = ref.replace('#/components/schemas/', '');
  const schema = document.components?.schemas?.[name];
  if (!schema) throw new Error(`unresolved ${ref}`);
  return schema;
};

const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
);

const callerNames: CallerName[] = ['athlete', 'coach', 'admin', 'service', 'anonymous'];

/**
 * A generated value as a client would send it in text: String() throws for some objects
 * fast-check makes (a `toString` key that is not a function, no prototype), JSON does not.
 */
function asText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function requestFor(path: string, operation: Operation) {
  const parameters = operation.parameters ?? [];
  const pathNames = parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const query = parameters.filter((p) => p.in === 'query');
  const jsonBody = operation.requestBody?.content['application/json']?.schema;
  const multipart = operation.requestBody?.content['multipart/form-data']?.schema;
  return fc.record({
    caller: fc.constantFrom(...callerNames),
    path: fc
      .tuple(...pathNames.map(() => parameterText))
      .map((values) =>
        pathNames.reduce(
          (url, name, index) => url.replace(`{${name}}`, encodePathSegment(values[index] ?? '')),
          path,
        ),
      ),
    query: fc.record(
      Object.fromEntries(
        query.map((p) => [
          p.name,
          fc.oneof(parameterText, valueFor(p.schema ?? {}, resolve).map(asText)),
        ]),
      ),
      { requiredKeys: [] },
    ),
    body: jsonBody
      ? fc.oneof(
          {
            weight: 5,
            arbitrary: objectFor(jsonBody.$ref ? resolve(jsonBody.$ref) : jsonBody, resolve),
          },
          { weight: 1, arbitrary: valueFor({}, resolve) },
        )
      : fc.constant(undefined),
    form: multipart ? fc.option(objectFor(multipart, resolve), { freq: 2 }) : fc.constant(null),
  });
}

describe('credentials under generated input', () => {
  // Header values are Latin-1 text; a JWT may carry any claim once signed.
  const headerText = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 80,
  });

  it('answers any Authorization or X-API-Key value with 401 or 400, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('Authorization', 'X-API-Key'),
        fc.oneof(
          headerText,
          headerText.map((text) => `Bearer ${text}`),
          headerText.map((text) => `aria_sk_${text}`),
        ),
        async (name, value) => {
          const response = await fuzz.t.app.request('/v1/athletes/me', {
            headers: { [name]: value },
          });
          const text = await response.text();
          expectSound(`${name}: ${value}`, { status: response.status, text });
          expect([400, 401]).toContain(response.status);
        },
      ),
      { numRuns: fuzzRuns * 4 },
    );
  });

  it('answers a signed JWT whose sub PostgreSQL cannot hold with 401', async () => {
    for (const sub of ['a\u0000b', '\ud800', 'x'.repeat(256)]) {
      const token = await fuzz.t.tokenFor(sub);
      const response = await fuzz.t.app.request('/v1/athletes/me', {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    }
  });
});

describe('REST operations under generated input', () => {
  beforeAll(() => {
    expect(operations.length).toBeGreaterThan(30);
  });
  afterAll(() => fuzz.close());

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    '%s',
    async (name, { method, path, operation }) => {
      await fc.assert(
        fc.asyncProperty(requestFor(path, operation), async (input) => {
          fuzz.tick();
          const search = new URLSearchParams(
            Object.entries(input.query).map(([key, value]): [string, string] => [
              key,
              asText(value),
            ]),
          );
          const target = `${input.path}${search.size > 0 ? `?${search}` : ''}`;
          const headers: Record<string, string> = { ...fuzz.callers[input.caller] };
          let body: FormData | string | undefined;
          if (input.form) {
            const form = new FormData();
            for (const [key, value] of Object.entries(input.form)) form.set(key, asText(value));
            body = form;
          } else if (input.body !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(input.body) ?? 'null';
          }
          const response = await fuzz.t.app.request(target, {
            method: method.toUpperCase(),
            headers,
            ...(body === undefined ? {} : { body }),
          });
          expectSound(`${name} ${target}`, {
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
