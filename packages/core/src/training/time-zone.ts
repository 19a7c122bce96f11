import type { IsoDate } from './dates.js';

/** The time zone of an athlete who has not set one. */
export const defaultTimeZone = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** An IANA zone name: `Area/Location` (letters, digits, `_`, `-`, `+`) or `UTC`. */
const ianaNamePattern = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/i;

/**
 * `name` as the runtime's time-zone data spells it (`america/los_angeles` →
 * `America/Los_Angeles`; a known alias such as `Asia/Kolkata` stays as given) when that data
 * knows it; undefined otherwise, and for bare abbreviations (`EST`) and offsets (`+02:00`),
 * which do not follow daylight saving.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (name.length > 64 || !ianaNamePattern.test(name)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions()
      .timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return undefined;
  }
}

/** The calendar date of an instant on the wall clocks of `timeZone` (an IANA name). */
export function isoDateIn(at: Date, timeZone: string): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
