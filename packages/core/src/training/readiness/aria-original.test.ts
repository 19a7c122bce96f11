import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../daily-metrics.js';
import { ariaOriginalFactors, originalSleepHours } from './aria-original.js';

// The original Aria rule: sleep ≥ 7.5 h → 40 points, ≥ 6.5 h → 30, else 15 and the warning
// "Insufficient sleep duration"; resting HR ≤ 60 bpm → 30, ≤ 70 → 20, else 10 and "Elevated
// resting heart rate"; plus the wearable's recovery score × 0.3; a missing input adds
// nothing. Sleep hours were `round(seconds / 3600, 2)`; a zero was falsy there, so missing.

const day: MetricValues = {
  hrvRmssd: null,
  hrvRmssdDaily: null,
  restingHr: null,
  sleepSeconds: null,
  sleepEfficiency: null,
  recoveryScore: null,
  steps: null,
  strain: null,
};
const hours = (h: number) => h * 3600;
const points = (values: Partial<MetricValues>) =>
  ariaOriginalFactors({ ...day, ...values }).factors.map((factor) => [factor.key, factor.exact]);

describe('ariaOriginalFactors', () => {
  it('scores the worked example 8 h / 55 bpm / recovery 80 as 40 + 30 + 24', () => {
    const result = ariaOriginalFactors({
      ...day,
      sleepSeconds: hours(8),
      restingHr: 55,
      recoveryScore: 80,
    });
    expect(result.factors.map((factor) => [factor.key, factor.points])).toEqual([
      ['sleep_duration', 40],
      ['resting_hr', 30],
      ['recovery_score', 24],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    [7.5, 40],
    [7.49, 30],
    [6.5, 30],
    [6.49, 15],
  ])('gives %f h of sleep %i points', (sleep, expected) => {
    expect(points({ sleepSeconds: hours(sleep) })[0]).toEqual(['sleep_duration', expected]);
  });

  it('rounds sleep to hundredths of an hour before the thresholds, as the original did', () => {
    // 26 990 s = 7.4972 h → 7.50 h → 40 points; 26 981 s = 7.4947 h → 7.49 h → 30 points.
    expect(originalSleepHours(26_990)).toBe(7.5);
    expect(points({ sleepSeconds: 26_990 })[0]).toEqual(['sleep_duration', 40]);
    expect(originalSleepHours(26_981)).toBe(7.49);
    expect(points({ sleepSeconds: 26_981 })[0]).toEqual(['sleep_duration', 30]);
    expect(points({ sleepSeconds: 23_390 })[0]).toEqual(['sleep_duration', 30]); // 6.497 → 6.50
  });

  it.each([
    [60, 30],
    [61, 20],
    [70, 20],
    [71, 10],
  ])('gives a resting HR of %i bpm %i points', (restingHr, expected) => {
    expect(points({ restingHr })[1]).toEqual(['resting_hr', expected]);
  });

  it('warns on short sleep and a high resting HR', () => {
    const result = ariaOriginalFactors({ ...day, sleepSeconds: hours(6), restingHr: 75 });
    expect(result.warnings).toEqual(['Insufficient sleep duration', 'Elevated resting heart rate']);
    expect(result.factors[2]).toMatchObject({ key: 'recovery_score', status: 'missing' });
  });

  it('takes zero as missing, never as good', () => {
    const result = ariaOriginalFactors({ ...day, sleepSeconds: 0, restingHr: 0, recoveryScore: 0 });
    expect(result.factors.map((factor) => factor.status)).toEqual([
      'missing',
      'missing',
      'missing',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('names the focus areas for low sleep efficiency and a low RMSSD', () => {
    const result = ariaOriginalFactors({ ...day, sleepEfficiency: 0.84, hrvRmssd: 29 });
    expect(result.focusAreas).toEqual(['sleep quality', 'stress management and recovery']);
    const fine = ariaOriginalFactors({ ...day, sleepEfficiency: 0.85, hrvRmssd: 30 });
    expect(fine.focusAreas).toEqual([]);
    expect(ariaOriginalFactors({ ...day, sleepEfficiency: 0, hrvRmssd: 0 }).focusAreas).toEqual([]);
  });
});
