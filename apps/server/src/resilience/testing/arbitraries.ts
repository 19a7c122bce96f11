import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document and `z.toJSONSchema` write it (the parts used here). */
export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
}

export type SchemaResolver = (ref: string) => JsonSchema;

/** Text and values that broke (or could break) something once: NUL, year 0, huge, odd. */
const nastyText = fc.constantFrom(
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udc00y',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-02-30',
  '2026-06-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '',
  ' ',
  'x'.repeat(6_000),
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  'NaN',
  '1e400',
  '-1',
  'me',
  'null',
  'constructor',
  '__proto__',
  '00000000-0000-0000-0000-000000000000',
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.constantFrom(null, true, false, -1, 0, -0, 0.5, 1e308, -1e308, 2 ** 53 + 2, [], {}),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
);

/** Valid-looking values of `schema`, mixed with nasty ones, so calls reach deeper code. */
export function valueFor(
  schema: JsonSchema,
  resolve: SchemaResolver,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(resolve(schema.$ref), resolve, depth);
  if (depth > 4) return nastyValue;
  const typed = typedValue(schema, resolve, depth);
  return typed === undefined
    ? nastyValue
    : fc.oneof({ weight: 1, arbitrary: nastyValue }, { weight: 4, arbitrary: typed });
}

function typedValue(
  schema: JsonSchema,
  resolve: SchemaResolver,
  depth: number,
): fc.Arbitrary<unknown> | undefined {
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, resolve, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000, -(2 ** 31)),
        max: Math.min(schema.maximum ?? 1_000, 2 ** 31),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1_000,
        max: schema.maximum ?? 1_000,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, resolve, depth + 1), { maxLength: 4 });
    case 'object':
      return objectFor(schema, resolve, depth);
    default:
      return undefined;
  }
}

/** An object with some of its properties (each valid-looking or nasty) and maybe a stray one. */
export function objectFor(
  schema: JsonSchema,
  resolve: SchemaResolver,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, valueFor(s, resolve, depth + 1)]),
  );
  return fc
    .tuple(
      fc.record(shape, { requiredKeys: [] }),
      fc.option(fc.dictionary(nastyText, nastyValue, { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const day = fc
    .date({ min: new Date('1890-01-01'), max: new Date('2210-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  switch (schema.format) {
    case 'date':
      return day;
    case 'date-time':
      return day.map((date) => `${date}T12:00:00Z`);
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
    default:
      return fc.string({ unit: 'binary', maxLength: Math.min(schema.maxLength ?? 60, 60) });
  }
}

/** A path or query value: text, usually. */
export const parameterText: fc.Arbitrary<string> = fc.oneof(
  nastyText,
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('me', '1', '20', '2026-06-01'),
);

/**
 * `encodeURIComponent`, except that a lone surrogate (which it refuses) becomes the bytes of
 * an encoded surrogate, which is not UTF-8: one more thing a server must cope with.
 */
export function encodePathSegment(value: string): string {
  return Array.from(value, (char) => {
    const code = char.charCodeAt(0);
    return char.length === 1 && code >= 0xd800 && code <= 0xdfff
      ? '%ED%A0%80'
      : encodeURIComponent(char);
  }).join('');
}
