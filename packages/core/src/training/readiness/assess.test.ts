import { describe, expect, it } from 'vitest';
import type { DayMetrics } from '../daily-metrics.js';
import { addDays } from '../dates.js';
import { assessReadiness } from './assess.js';

// HRV and readiness (Plews et al. 2013; HRV4Training; Vesterinen et al. MSSE 2016;
// Kiviniemi et al. 2007): "Work in lnRMSSD. Baseline = mean and SD over the last 60 days;
// compare the 7-day rolling mean against baseline ± 0.5 SD (smallest worthwhile change). Below
// the band → swap hard sessions for low intensity. Resting HR: z-score against the same 60-day
// window; > +1 SD is a warning. Sleep < 7 h is a warning."
// The issue: "With fewer than 7 days of history it falls back to the original Aria rule".

const blank = {
  hrvRmssd: null,
  restingHr: null,
  sleepSeconds: null,
  sleepEfficiency: null,
  recoveryScore: null,
  steps: null,
  strain: null,
  sources: ['manual'],
};

function history(count: number, values: (index: number) => Partial<DayMetrics>): DayMetrics[] {
  return Array.from({ length: count }, (_, index) => ({
    ...blank,
    date: addDays('2026-06-01', index),
    ...values(index),
  }));
}

/**
 * 14 days: lnRMSSD 4.2 for a week then 4.0; resting HR alternating 48/52 (today 52); today
 * 7.5 h of sleep at 85% efficiency; EWMA ACWR 1.1.
 */
const fortnight = history(14, (index) => ({
  hrvRmssd: Math.exp(index < 7 ? 4.2 : 4.0),
  restingHr: index % 2 === 0 ? 48 : 52,
  sleepSeconds: 7.5 * 3600,
  sleepEfficiency: 0.85,
}));
const today = '2026-06-14';

describe('assessReadiness, baseline model', () => {
  it('pins the worked example factor by factor', () => {
    const readiness = assessReadiness({
      date: today,
      days: fortnight,
      acwr: { ratio: 1.1, zone: 'sweet_spot' },
    });
    // HRV: baseline mean 4.1, SD √(14·0.01/13) = 0.10377, lower edge 4.1 − 0.0519 = 4.0481;
    // the 7-day mean 4.0 is 0.0481 below it: 35 × (1 − 0.0481 / 0.10377) = 18.8 points.
    // Resting HR: mean 50, SD √(14·4/13) = 2.0755, z = 2 / 2.0755 = 0.964:
    // 25 × (1 − 0.964 / 2) = 13.0 points.
    // Sleep 7.5 h: 15 × (7.5 − 5) / 3 = 12.5. Efficiency 85%: 10 × (0.85 − 0.70) / 0.20 = 7.5.
    // ACWR sweet spot: 15. Sum 66.8 of 100 → 67, moderate.
    expect(readiness).toMatchObject({
      model: 'hrv_baseline',
      score: 67,
      band: 'moderate',
      recommendation: 'moderate',
      lowIntensityAdvised: true,
      historyDays: 14,
      fallbackReason: null,
      warnings: ['HRV below your baseline: swap hard sessions for low intensity'],
    });
    const byKey = Object.fromEntries(
      readiness?.factors.map((factor) => [factor.key, factor]) ?? [],
    );
    expect(byKey.hrv).toMatchObject({
      value: 4,
      points: 18.8,
      status: 'caution',
      baseline: { mean: 4.1, sd: 0.104, lower: 4.048, upper: 4.152, days: 14 },
    });
    expect(byKey.resting_hr).toMatchObject({ value: 52, points: 13, status: 'caution' });
    expect(byKey.sleep_duration).toMatchObject({ value: 7.5, points: 12.5 });
    expect(byKey.sleep_efficiency).toMatchObject({ value: 85, points: 7.5 });
    expect(byKey.acwr).toMatchObject({ value: 1.1, points: 15, status: 'good' });
    expect(readiness?.summary).toContain('Held back by: HRV (lnRMSSD), Resting heart rate');
  });

  it('rescales over the factors it has: contributions add up to the score', () => {
    const readiness = assessReadiness({ date: today, days: fortnight, acwr: null });
    // 51.8 of the 85 points available → 61.
    expect(readiness?.score).toBe(61);
    expect(readiness?.factors.find((factor) => factor.key === 'acwr')).toMatchObject({
      status: 'missing',
      contribution: 0,
    });
    const total = readiness?.factors.reduce((sum, factor) => sum + factor.contribution, 0) ?? 0;
    expect(total).toBeCloseTo(61, 0);
  });

  it('scores full points within the HRV band and warns on resting HR above +1 SD', () => {
    const steady = history(20, (index) => ({
      hrvRmssd: index % 2 === 0 ? 60 : 66,
      restingHr: index === 19 ? 58 : index % 2 === 0 ? 49 : 51,
      sleepSeconds: 6 * 3600,
    }));
    const readiness = assessReadiness({ date: '2026-06-20', days: steady, acwr: null });
    const hrv = readiness?.factors.find((factor) => factor.key === 'hrv');
    expect(hrv).toMatchObject({ points: 35, status: 'good' });
    expect(readiness?.warnings).toEqual([
      'Resting heart rate more than 1 SD above your baseline',
      'Sleep under 7 h',
    ]);
  });

  it('caps a high score at moderate when the ACWR is in the danger zone', () => {
    const fresh = history(10, () => ({ hrvRmssd: 70, restingHr: 48, sleepSeconds: 8 * 3600 }));
    const readiness = assessReadiness({
      date: '2026-06-10',
      days: fresh,
      acwr: { ratio: 1.7, zone: 'danger' },
    });
    // 35 + 25 + 15 + 0 of 90 available → 83, high, capped at moderate by the danger zone.
    expect(readiness).toMatchObject({
      score: 83,
      band: 'high',
      recommendation: 'moderate',
      lowIntensityAdvised: true,
    });
    expect(readiness?.summary).toContain('Capped at moderate');
  });
});

describe('assessReadiness, fallback', () => {
  it('uses the original Aria rule with fewer than 7 days and says so', () => {
    const short = history(3, (index) => ({
      sleepSeconds: 8 * 3600,
      restingHr: 55,
      recoveryScore: index === 2 ? 80 : 50,
    }));
    const readiness = assessReadiness({ date: '2026-06-03', days: short, acwr: null });
    expect(readiness).toMatchObject({
      model: 'aria_original',
      score: 94,
      band: 'high',
      recommendation: 'high_intensity',
      historyDays: 3,
    });
    expect(readiness?.fallbackReason).toContain('3 of the 7 days');
    expect(readiness?.summary).toContain('Original Aria rule');
  });

  it('recommends recovery below 60', () => {
    const readiness = assessReadiness({
      date: '2026-06-01',
      days: history(1, () => ({ sleepSeconds: 6 * 3600, restingHr: 72 })),
      acwr: null,
    });
    expect(readiness).toMatchObject({ score: 25, band: 'low', recommendation: 'recovery' });
    expect(readiness?.summary).toContain('consider rest');
  });

  it('answers null for a date without recovery metrics', () => {
    expect(assessReadiness({ date: '2026-06-20', days: fortnight, acwr: null })).toBeNull();
    const stepsOnly = history(1, () => ({ steps: 10_000 }));
    expect(assessReadiness({ date: '2026-06-01', days: stepsOnly, acwr: null })).toBeNull();
  });
});
