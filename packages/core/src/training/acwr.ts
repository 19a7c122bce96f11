/**
 * Acute:chronic workload ratio (Gabbett, BJSM 2016; Williams et al., BJSM 2017; Windt &
 * Gabbett, BJSM 2019). Zones are flags, never a verdict on their own.
 */
export const acwrZones = ['under_prepared', 'sweet_spot', 'caution', 'danger'] as const;
export type AcwrZone = (typeof acwrZones)[number];

/** < 0.8 under-prepared, 0.8–1.3 sweet spot, above 1.3 to 1.5 caution, ≥ 1.5 danger. */
export function acwrZone(ratio: number): AcwrZone {
  if (ratio < 0.8) return 'under_prepared';
  if (ratio <= 1.3) return 'sweet_spot';
  if (ratio < 1.5) return 'caution';
  return 'danger';
}

export const acuteDays = 7;
export const chronicDays = 28;

export interface AcwrValues {
  readonly acute: number;
  readonly chronic: number;
  /** acute ÷ chronic; null while the chronic load is zero. */
  readonly ratio: number | null;
}

function ratioOf(acute: number, chronic: number): AcwrValues {
  return { acute, chronic, ratio: chronic > 0 ? acute / chronic : null };
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * Rolling, uncoupled ACWR on daily loads in date order (the last entry is day t): mean load of
 * days t−6…t ÷ mean of days t−27…t−7. Days missing before the series count as zero load.
 */
export function rollingAcwr(loads: readonly number[]): AcwrValues {
  const padded = [...Array<number>(Math.max(0, chronicDays - loads.length)).fill(0), ...loads];
  const window = padded.slice(-chronicDays);
  return ratioOf(mean(window.slice(-acuteDays)), mean(window.slice(0, chronicDays - acuteDays)));
}

/** λ = 2 / (N + 1): 0.25 for N = 7, 2/29 ≈ 0.069 for N = 28. */
export function ewmaLambda(days: number): number {
  return 2 / (days + 1);
}

/** Days whose mean seeds the EWMA: the first week of the series. */
export const ewmaSeedDays = 7;

/**
 * The value before the first day: the mean load of the first week (of fewer days when the
 * series is shorter). Seeding with 0 instead would make a constant load read 1.156 at day 28,
 * as the acute average catches up faster than the chronic one; with this seed it reads 1.0.
 */
export function ewmaSeed(loads: readonly number[]): number {
  return mean(loads.slice(0, ewmaSeedDays));
}

/**
 * EWMA_t = λ·load_t + (1 − λ)·EWMA_{t−1}, seeded with the first week's mean load (`ewmaSeed`);
 * one value per input day. The series should start at the first logged session.
 */
export function ewmaSeries(loads: readonly number[], days: number): number[] {
  const lambda = ewmaLambda(days);
  let previous = ewmaSeed(loads);
  return loads.map((load) => {
    previous = lambda * load + (1 - lambda) * previous;
    return previous;
  });
}

/** EWMA ACWR at the last day: acute EWMA (N = 7) ÷ chronic EWMA (N = 28). */
export function ewmaAcwr(loads: readonly number[]): AcwrValues {
  const acute = ewmaSeries(loads, acuteDays).at(-1) ?? 0;
  const chronic = ewmaSeries(loads, chronicDays).at(-1) ?? 0;
  return ratioOf(acute, chronic);
}
