import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A `timestamptz` column; every timestamp in Aria carries its time zone. */
export const timestamptz = () => timestamp({ withTimezone: true, mode: 'date' });

/** `created_at` / `updated_at`, both defaulting to now; `updated_at` is bumped on every update. */
export const timestamps = {
  createdAt: timestamptz().defaultNow().notNull(),
  updatedAt: timestamptz()
    .defaultNow()
    .notNull()
    .$onUpdate(() => new Date()),
};

/** Postgres `tsvector`; only ever read through SQL (ranking), so it stays a string in TypeScript. */
export const tsvector = customType<{ data: string; driverData: string }>({
  dataType: () => 'tsvector',
});

/**
 * Postgres `bytea` as a Buffer. postgres.js reads it as a Buffer and PGlite as a Uint8Array;
 * both take either when writing.
 */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
