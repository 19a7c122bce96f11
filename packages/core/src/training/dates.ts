/** Calendar dates as `YYYY-MM-DD` strings, in UTC: the unit every training calculation uses. */
export type IsoDate = string;

const msPerDay = 86_400_000;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

function toUtcMs(date: IsoDate): number {
  if (!isoDatePattern.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}

/** The UTC calendar date of an instant. */
export function isoDateOf(at: Date): IsoDate {
  return at.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(date) + days * msPerDay).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / msPerDay);
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(from, index));
}

/** 0 = Monday … 6 = Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  return (new Date(toUtcMs(date)).getUTCDay() + 6) % 7;
}

export const weekdayNames = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
