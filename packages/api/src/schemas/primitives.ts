import { z } from 'zod';

/**
 * The text and date primitives every input is built from. They refuse, as a 400, what
 * PostgreSQL cannot store or what date arithmetic cannot handle, which would otherwise reach
 * the database and answer 500:
 * - text: no NUL character (`text`/`jsonb` reject U+0000) and well-formed UTF-16 (a lone
 *   surrogate cannot be encoded as UTF-8, and `jsonb` rejects it);
 * - dates: years `minYear`–`maxYear` (PostgreSQL has no year 0, and a plan or load series
 *   far in the future overflows JavaScript's Date range).
 */

// A high surrogate not followed by a low one, or a low surrogate not after a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` can be stored in PostgreSQL as it is. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text);
}

const storableText = { error: 'must not contain NUL or unpaired surrogate characters' } as const;
/** For `z.url().refine(isStorableText, storableUrl)`: URL checks let NUL through. */
export const storableUrl = storableText;

/** A string PostgreSQL can store; chain `.trim().min().max()` as with `z.string()`. */
export function text() {
  return z.string().refine(isStorableText, storableText);
}

// PostgreSQL `real` (single precision) underflows below this magnitude: 1e-320 answered 500.
const smallestReal = 1.2e-38;

/** Whether `value` fits a `real` column without underflow or overflow. */
export function isStorableReal(value: number): boolean {
  const magnitude = Math.abs(value);
  return magnitude === 0 || (magnitude >= smallestReal && magnitude <= 3.4e38);
}

/** A number for a `real` column; chain `.min().max()` as with `z.number()`. */
export function real() {
  return z.number().refine(isStorableReal, { error: 'is too close to zero to be stored' });
}

export const minYear = 1900;
export const maxYear = 2200;
const minDate = `${minYear}-01-01`;
const maxDate = `${maxYear}-12-31`;
const dateRange = { error: `must be between ${minDate} and ${maxDate}` } as const;

/** A calendar day, `YYYY-MM-DD`, between `minYear` and `maxYear`. */
export const isoDateSchema = z.iso
  .date()
  .refine((day) => day >= minDate && day <= maxDate, dateRange)
  .meta({ example: '2026-06-01' });

const minInstant = Date.parse(`${minDate}T00:00:00Z`);
const maxInstant = Date.parse(`${maxDate}T23:59:59.999Z`);

/** An instant (a `Date`) between `minYear` and `maxYear`. */
export const instantSchema = z
  .date()
  .refine((at) => at.getTime() >= minInstant && at.getTime() <= maxInstant, dateRange);

/** An ISO 8601 date-time with offset, read as a `Date` between `minYear` and `maxYear`. */
export const isoInstantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .pipe(instantSchema);
