/**
 * Sprint-training figures the built-in coach quotes (Charlie Francis, ALTIS; Dick 1987; Gabbett
 * 2016). Pure functions of plain numbers.
 */

/** Full recovery between near-maximal sprints: about one minute per 10 m sprinted. */
export function restMinutesFor(metres: number): number {
  return Math.max(1, Math.round(metres / 10));
}

const dickCoefficients = {
  30: [-2.232894, 0.6284907, -0.005192],
  60: [-5.036141, 1.4909718, -0.037205],
  200: [-6.038257, 2.991126, -0.039017],
} as const;

/**
 * Time over 30, 60 or 200 m expected from a 100 m time (Dick 1987): t = a + b·x + c·x².
 * Up to 90 m the result is hand-timed; 200 m is electronic. Rounded to hundredths.
 */
export function estimateFromHundred(distance: 30 | 60 | 200, hundredSeconds: number): number {
  const [a, b, c] = dickCoefficients[distance];
  return Math.round((a + b * hundredSeconds + c * hundredSeconds ** 2) * 100) / 100;
}

/** Race-week taper: cut volume by 40–60 %, keep intensity. */
export const taperVolumeCut = { min: 40, max: 60 } as const;

/** Hours between high-CNS sessions (high–low model). */
export const highLowGapHours = 48;

export type AcwrZone = 'under-prepared' | 'sweet spot' | 'caution' | 'danger';

/** Gabbett's zones for the acute:chronic workload ratio (treat as flags, not rules). */
export function acwrZone(ratio: number): AcwrZone {
  if (ratio < 0.8) return 'under-prepared';
  if (ratio <= 1.3) return 'sweet spot';
  if (ratio < 1.5) return 'caution';
  return 'danger';
}

/** Foster session-RPE load: RPE (CR-10) × minutes. */
export function sessionLoad(rpe: number, minutes: number): number {
  return rpe * minutes;
}
