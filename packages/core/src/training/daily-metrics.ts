import type { IsoDate } from './dates.js';

/** The recovery metrics of one day; any of them may be missing. */
export interface MetricValues {
  /** RMSSD in ms measured overnight or on waking (sleep records, manual entries). */
  readonly hrvRmssd: number | null;
  /** The wearable's 24-hour average RMSSD in ms: another condition, never mixed with the above. */
  readonly hrvRmssdDaily: number | null;
  readonly restingHr: number | null;
  readonly sleepSeconds: number | null;
  /** 0–1. */
  readonly sleepEfficiency: number | null;
  /** The wearable's own recovery score, 0–100. */
  readonly recoveryScore: number | null;
  readonly steps: number | null;
  readonly strain: number | null;
}

export const metricFields = [
  'hrvRmssd',
  'hrvRmssdDaily',
  'restingHr',
  'sleepSeconds',
  'sleepEfficiency',
  'recoveryScore',
  'steps',
  'strain',
] as const satisfies readonly (keyof MetricValues)[];

/** One stored row: a day of metrics from one source (`manual`, `terra:oura`, …). */
export interface SourcedMetrics extends MetricValues {
  readonly date: IsoDate;
  readonly source: string;
  readonly updatedAt: Date;
}

/** A day with every source merged. */
export interface DayMetrics extends MetricValues {
  readonly date: IsoDate;
  readonly sources: string[];
}

export const manualSource = 'manual';

/**
 * Fields where 0 is no reading (a wearable's placeholder, an empty form field), not a value:
 * nobody has a resting heart rate, sleep or HRV of zero.
 */
const zeroIsMissing: ReadonlySet<(typeof metricFields)[number]> = new Set([
  'hrvRmssd',
  'hrvRmssdDaily',
  'restingHr',
  'sleepSeconds',
  'sleepEfficiency',
  'recoveryScore',
]);

/** A stored value as a reading: null when absent, and zero where zero cannot be measured. */
export function readingOf(field: (typeof metricFields)[number], value: number | null) {
  if (value === null || !Number.isFinite(value)) return null;
  return zeroIsMissing.has(field) && value <= 0 ? null : value;
}

/** Manual entries first (the athlete corrected the device), then the most recently updated. */
function bySourcePrecedence(a: SourcedMetrics, b: SourcedMetrics): number {
  const manual = Number(b.source === manualSource) - Number(a.source === manualSource);
  if (manual !== 0) return manual;
  const recency = b.updatedAt.getTime() - a.updatedAt.getTime();
  return recency !== 0 ? recency : a.source.localeCompare(b.source);
}

function mergeDay(date: IsoDate, rows: SourcedMetrics[]): DayMetrics {
  const ordered = [...rows].sort(bySourcePrecedence);
  const pick = (field: (typeof metricFields)[number]) =>
    ordered.map((row) => readingOf(field, row[field])).find((value) => value !== null) ?? null;
  return {
    date,
    hrvRmssd: pick('hrvRmssd'),
    hrvRmssdDaily: pick('hrvRmssdDaily'),
    restingHr: pick('restingHr'),
    sleepSeconds: pick('sleepSeconds'),
    sleepEfficiency: pick('sleepEfficiency'),
    recoveryScore: pick('recoveryScore'),
    steps: pick('steps'),
    strain: pick('strain'),
    sources: ordered.map((row) => row.source),
  };
}

/**
 * One merged entry per date (ascending); each field from the first source that has a reading
 * (zero sleep, heart rate, HRV or recovery counts as none).
 */
export function mergeDailyMetrics(rows: readonly SourcedMetrics[]): DayMetrics[] {
  const byDate = new Map<IsoDate, SourcedMetrics[]>();
  for (const row of rows) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, dayRows]) => mergeDay(date, dayRows));
}

/** Whether a day holds anything readiness can use. */
export function hasReadinessInputs(day: MetricValues): boolean {
  return (
    day.hrvRmssd !== null ||
    day.hrvRmssdDaily !== null ||
    day.restingHr !== null ||
    day.sleepSeconds !== null ||
    day.sleepEfficiency !== null ||
    day.recoveryScore !== null
  );
}
