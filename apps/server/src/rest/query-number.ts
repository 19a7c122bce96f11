import { z } from '@hono/zod-openapi';

/**
 * Query strings are text: a number is coerced here, at the REST edge, then checked by the
 * procedure's own schema (its bounds and default also end up in the OpenAPI document).
 */
export function queryNumber<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    schema,
  );
}

/** The query of a paged list: `limit` and `offset` coerced, the procedure's other fields as they are. */
export function pagedQuery<S extends { limit: z.ZodType; offset: z.ZodType }>(shape: S) {
  return z.object({ ...shape, limit: queryNumber(shape.limit), offset: queryNumber(shape.offset) });
}
