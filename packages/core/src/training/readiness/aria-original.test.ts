import { describe, expect, it } from 'vitest';
import { ariaOriginalScore } from './aria-original.js';

// The original Aria service's rule: "sleep ≥ 7.5 h → 40 points, ≥ 6.5 h → 30, else 15 and
// the warning 'Insufficient sleep duration'; resting HR ≤ 60 bpm → 30, ≤ 70 → 20, else 10 and
// 'Elevated resting heart rate'; plus the wearable's recovery score × 0.3; score = min(100,
// sum); a missing input adds nothing. [...] Focus areas: sleep efficiency < 85% → sleep
// quality; HRV RMSSD < 30 ms → stress management and recovery.
// Worked example: 8 h sleep, RHR 55, recovery 80 → 40 + 30 + 24 = 94, high intensity."

const day = {
  hrvRmssd: null,
  restingHr: null,
  sleepSeconds: null,
  sleepEfficiency: null,
  recoveryScore: null,
  steps: null,
  strain: null,
};
const hours = (h: number) => h * 3600;

describe('ariaOriginalScore', () => {
  it('scores the worked example 8 h / 55 bpm / recovery 80 as 40 + 30 + 24 = 94', () => {
    const result = ariaOriginalScore({
      ...day,
      sleepSeconds: hours(8),
      restingHr: 55,
      recoveryScore: 80,
    });
    expect(result.score).toBe(94);
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
  ])('gives %f h of sleep %i points', (sleep, points) => {
    expect(ariaOriginalScore({ ...day, sleepSeconds: hours(sleep) }).score).toBe(points);
  });

  it.each([
    [60, 30],
    [61, 20],
    [70, 20],
    [71, 10],
  ])('gives a resting HR of %i bpm %i points', (restingHr, points) => {
    expect(ariaOriginalScore({ ...day, restingHr }).score).toBe(points);
  });

  it('warns on short sleep and a high resting HR; missing inputs add nothing', () => {
    const result = ariaOriginalScore({ ...day, sleepSeconds: hours(6), restingHr: 75 });
    expect(result.score).toBe(25);
    expect(result.warnings).toEqual(['Insufficient sleep duration', 'Elevated resting heart rate']);
    expect(result.factors[2]).toMatchObject({
      key: 'recovery_score',
      points: 0,
      status: 'missing',
    });
  });

  it('names the focus areas for low sleep efficiency and a low RMSSD', () => {
    const result = ariaOriginalScore({ ...day, sleepEfficiency: 0.84, hrvRmssd: 29 });
    expect(result.focusAreas).toEqual(['sleep quality', 'stress management and recovery']);
    expect(ariaOriginalScore({ ...day, sleepEfficiency: 0.85, hrvRmssd: 30 }).focusAreas).toEqual(
      [],
    );
  });

  it('caps the score at 100', () => {
    const result = ariaOriginalScore({
      ...day,
      sleepSeconds: hours(9),
      restingHr: 45,
      recoveryScore: 100,
    });
    expect(result.score).toBe(100);
  });
});
