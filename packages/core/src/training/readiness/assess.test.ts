import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayMetrics } from '../daily-metrics.js';
import { addDays } from '../dates.js';
import { assessReadiness, requiredPoints } from './assess.js';
import { bandOf, type Readiness, recommendationFor } from './types.js';

// HRV and readiness (Plews et al. 2013, 2014; HRV4Training; Vesterinen et al. 2016): work in
// lnRMSSD; baseline = mean and SD over 60 days; compare the 7-day rolling mean (≥ 3 readings,
// one measurement condition) with baseline ± 0.5 SD; below → swap hard sessions for low
// intensity. Resting HR z > +1 is a warning; sleep < 7 h is a warning. Missing data is missing:
// score only the factors present and say which are absent; too little is "insufficient data".

const blank = {
  hrvRmssd: null,
  hrvRmssdDaily: null,
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

const scoredOf = (readiness: Readiness) => {
  if (readiness.status !== 'scored') throw new Error(`not scored: ${readiness.summary}`);
  return readiness;
};
const factor = (readiness: Readiness, key: string) =>
  readiness.factors.find((entry) => entry.key === key);

/**
 * 14 days: lnRMSSD 4.2 for a week then 4.0; resting HR alternating 48/52 (today 52); today
 * 7.5 h of sleep at 85% efficiency; both ACWR methods 1.1.
 */
const fortnight = history(14, (index) => ({
  hrvRmssd: Math.exp(index < 7 ? 4.2 : 4.0),
  restingHr: index % 2 === 0 ? 48 : 52,
  sleepSeconds: 7.5 * 3600,
  sleepEfficiency: 0.85,
}));
const today = '2026-06-14';
const sweetSpot = {
  rolling: { ratio: 1.1, zone: 'sweet_spot' as const },
  ewma: { ratio: 1.1, zone: 'sweet_spot' as const },
};

describe('assessReadiness, the original rule (fewer than 7 days)', () => {
  const oneDay = (values: Partial<DayMetrics>) =>
    assessReadiness({ date: '2026-06-01', days: history(1, () => values), acwr: null });

  it('bands the unrounded score: 8 h, 65 bpm, recovery 65 → 79.5, moderate', () => {
    const readiness = scoredOf(
      oneDay({ sleepSeconds: 8 * 3600, restingHr: 65, recoveryScore: 65 }),
    );
    expect(readiness).toMatchObject({
      model: 'aria_original',
      score: 79.5,
      band: 'moderate',
      recommendation: 'moderate',
      lowIntensityAdvised: false,
      adjustment: null,
    });
  });

  it('keeps the worked example 8 h / 55 bpm / 80 → 94, high', () => {
    const readiness = scoredOf(
      oneDay({ sleepSeconds: 8 * 3600, restingHr: 55, recoveryScore: 80 }),
    );
    expect(readiness).toMatchObject({ score: 94, band: 'high', recommendation: 'high_intensity' });
    expect(readiness.fallbackReason).toContain('1 of the 7 days');
    expect(readiness.summary).toContain('Original Aria rule');
  });

  it('scales a manual-only day (sleep and resting HR, 70 points) to 100 and says how', () => {
    const readiness = scoredOf(oneDay({ sleepSeconds: 8 * 3600, restingHr: 55 }));
    expect(readiness.score).toBe(100);
    expect(readiness.coverage).toEqual({
      measuredPoints: 70,
      possiblePoints: 100,
      requiredPoints: 50,
    });
    expect(readiness.missing).toContain('Wearable recovery score');
    expect(readiness.summary).toContain('Scaled to 100 from the 70 points measured');
    const total = readiness.factors.reduce((sum, entry) => sum + entry.contribution, 0);
    expect(total).toBeCloseTo(100, 5);
  });

  it('answers insufficient data, naming what is missing, for HRV and efficiency alone', () => {
    const days = history(3, () => ({ hrvRmssd: 85, sleepEfficiency: 0.93 }));
    const readiness = assessReadiness({ date: '2026-06-03', days, acwr: null });
    expect(readiness).toMatchObject({
      status: 'insufficient_data',
      score: null,
      band: null,
      recommendation: null,
      lowIntensityAdvised: false,
    });
    expect(readiness.missing).toEqual([
      'Sleep duration',
      'Resting heart rate',
      'Wearable recovery score',
      'history: 3 of the 7 days the baseline model (HRV and resting HR against your own 60 days) needs',
    ]);
    expect(readiness.summary).toContain('session stands as planned');
  });

  it('answers insufficient data for a date without any metrics, and for sleep alone', () => {
    expect(assessReadiness({ date: '2026-07-01', days: fortnight, acwr: null }).status).toBe(
      'insufficient_data',
    );
    expect(oneDay({ sleepSeconds: 9 * 3600 }).status).toBe('insufficient_data');
  });

  it('takes zeros as missing: resting HR 0 neither scores nor counts', () => {
    const readiness = scoredOf(oneDay({ sleepSeconds: 8 * 3600, restingHr: 0, recoveryScore: 80 }));
    // 40 + 24 of the 70 points measured → 91.4.
    expect(readiness.score).toBe(91.4);
    expect(factor(readiness, 'resting_hr')?.status).toBe('missing');
    expect(oneDay({ sleepSeconds: 0, restingHr: 0, recoveryScore: 0 }).status).toBe(
      'insufficient_data',
    );
  });

  it('lowers the band on an ACWR flag and says why, with one matching action', () => {
    const fresh = { sleepSeconds: 8 * 3600, restingHr: 55, recoveryScore: 80 };
    const danger = assessReadiness({
      date: '2026-06-01',
      days: history(1, () => fresh),
      acwr: { rolling: { ratio: 1.62, zone: 'danger' }, ewma: { ratio: 1.41, zone: 'caution' } },
    });
    expect(danger).toMatchObject({
      score: 94,
      band: 'low',
      recommendation: 'recovery',
      lowIntensityAdvised: true,
    });
    expect(danger.adjustment).toContain('rolling 1.62 (danger)');
    const caution = assessReadiness({
      date: '2026-06-01',
      days: history(1, () => fresh),
      acwr: { rolling: { ratio: 1.2, zone: 'sweet_spot' }, ewma: { ratio: 1.35, zone: 'caution' } },
    });
    expect(caution).toMatchObject({ band: 'moderate', recommendation: 'moderate' });
  });
});

describe('assessReadiness, the baseline model (7 days or more)', () => {
  it('pins the worked example factor by factor, HRV explained in ms', () => {
    const readiness = scoredOf(assessReadiness({ date: today, days: fortnight, acwr: sweetSpot }));
    // HRV (ln): baseline mean 4.1, SD √(14·0.01/13) = 0.10377, lower edge 4.1 − 0.0519 =
    // 4.0481; the 7-day mean 4.0 is 0.0481 below it: 35 × (1 − 0.0481 / 0.10377) = 18.8.
    // Resting HR: mean 50, SD 2.0755, z = 0.964: 25 × (1 − 0.964 / 2) = 12.95.
    // Sleep 7.5 h: 15 × 2.5 / 3 = 12.5. Efficiency 85%: 10 × 0.15 / 0.20 = 7.5. ACWR: 15.
    // Sum 66.76 → 66.7, moderate by score, lowered to low by HRV below baseline.
    expect(readiness).toMatchObject({
      model: 'hrv_baseline',
      score: 66.7,
      band: 'low',
      recommendation: 'recovery',
      lowIntensityAdvised: true,
      historyDays: 14,
      fallbackReason: null,
    });
    expect(readiness.adjustment).toBe(
      'The score alone is moderate; HRV below your baseline: swap hard sessions for low intensity.',
    );
    // e^4.0 = 54.6 ms; the band e^4.0481 – e^4.1519 = 57.3–63.6 ms.
    expect(factor(readiness, 'hrv')).toMatchObject({
      value: 54.6,
      unit: 'ms',
      points: 18.8,
      status: 'caution',
      baseline: { mean: 60.3, sd: null, lower: 57.3, upper: 63.6, days: 14 },
    });
    expect(factor(readiness, 'hrv')?.explanation).toBe(
      'Your overnight HRV averaged 54.6 ms over the last 7 readings, below your usual range of ' +
        '57.3–63.6 ms (14 readings in 60 days). Swap hard sessions for low intensity.',
    );
    expect(factor(readiness, 'resting_hr')).toMatchObject({ value: 52, points: 13 });
    expect(factor(readiness, 'acwr')).toMatchObject({ value: 1.1, points: 15, status: 'good' });
    expect(readiness.summary.startsWith('66.7/100, low: swap hard sessions')).toBe(true);
  });

  it('rescales over the factors it has: contributions add up to the score', () => {
    const readiness = scoredOf(assessReadiness({ date: today, days: fortnight, acwr: null }));
    // 51.76 of the 85 points measured → 60.89, shown cut to 60.8.
    expect(readiness.score).toBe(60.8);
    expect(factor(readiness, 'acwr')).toMatchObject({ status: 'missing', contribution: 0 });
    const total = readiness.factors.reduce((sum, entry) => sum + entry.contribution, 0);
    expect(total).toBeCloseTo(60.9, 0);
    expect(readiness.summary).toContain('Scaled to 100 from the 85 points measured');
  });

  it('needs 3 HRV readings in the last 7 days for the rolling mean', () => {
    const sparse = history(20, (index) => ({
      hrvRmssd: index < 13 || index === 15 || index === 19 ? 60 : null,
      restingHr: 50,
      sleepSeconds: 8 * 3600,
      sleepEfficiency: 0.9,
    }));
    const readiness = assessReadiness({ date: '2026-06-20', days: sparse, acwr: null });
    expect(factor(readiness, 'hrv')).toMatchObject({ status: 'missing' });
    expect(factor(readiness, 'hrv')?.explanation).toContain('overnight: 15 and 2');
  });

  it('uses one measurement condition, never a mix of overnight and 24-hour averages', () => {
    // Overnight readings stop after day 10; the 24-hour averages run all 20 days, lower.
    const days = history(20, (index) => ({
      hrvRmssd: index < 10 ? 90 : null,
      hrvRmssdDaily: 45,
      restingHr: 50,
      sleepSeconds: 8 * 3600,
    }));
    const readiness = assessReadiness({ date: '2026-06-20', days, acwr: null });
    expect(factor(readiness, 'hrv')).toMatchObject({ value: 45, status: 'good', points: 35 });
    expect(factor(readiness, 'hrv')?.explanation).toContain('24-hour average HRV');
  });

  it('scores full points within the HRV band and warns on resting HR above +1 SD', () => {
    const steady = history(20, (index) => ({
      hrvRmssd: index % 2 === 0 ? 60 : 66,
      restingHr: index === 19 ? 58 : index % 2 === 0 ? 49 : 51,
      sleepSeconds: 6 * 3600,
    }));
    const readiness = assessReadiness({ date: '2026-06-20', days: steady, acwr: null });
    expect(factor(readiness, 'hrv')).toMatchObject({ points: 35, status: 'good' });
    expect(readiness.warnings).toEqual([
      'Resting heart rate more than 1 SD above your baseline',
      'Sleep under 7 h',
    ]);
  });

  it('falls back to the original rule when the baseline model measures under half', () => {
    // A month of sleep and recovery scores, no HRV or resting HR.
    const days = history(30, () => ({ sleepSeconds: 8 * 3600, recoveryScore: 70 }));
    const readiness = scoredOf(assessReadiness({ date: '2026-06-30', days, acwr: null }));
    // 40 + 21 of the 70 points measured → 87.1.
    expect(readiness).toMatchObject({ model: 'aria_original', score: 87.1, band: 'high' });
    expect(readiness.fallbackReason).toContain('measured only 15 of its points');
  });
});

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const dayValues = fc.record({
  hrvRmssd: maybe(fc.integer({ min: 0, max: 200 })),
  hrvRmssdDaily: maybe(fc.integer({ min: 0, max: 200 })),
  restingHr: maybe(fc.integer({ min: 0, max: 110 })),
  sleepSeconds: maybe(fc.integer({ min: 0, max: 720 }).map((minutes) => minutes * 60)),
  sleepEfficiency: maybe(fc.integer({ min: 0, max: 100 }).map((percent) => percent / 100)),
  recoveryScore: maybe(fc.integer({ min: 0, max: 100 })),
});
const zones = fc.constantFrom('under_prepared', 'sweet_spot', 'caution', 'danger' as const);
const flag = maybe(
  fc.record({ ratio: fc.integer({ min: 0, max: 300 }).map((r) => r / 100), zone: zones }),
);

describe('assessReadiness properties', () => {
  it('one label and one action that agree; insufficient data only below 50 points', () => {
    fc.assert(
      fc.property(
        fc.array(dayValues, { minLength: 1, maxLength: 40 }),
        maybe(fc.record({ rolling: flag, ewma: flag })),
        (values, acwr) => {
          const days = values.map((entry, index) => ({
            ...blank,
            ...entry,
            date: addDays('2026-01-01', index),
          }));
          const date = days.at(-1)?.date ?? '2026-01-01';
          const readiness = assessReadiness({ date, days, acwr });
          if (readiness.status === 'insufficient_data') {
            expect(readiness.coverage.measuredPoints).toBeLessThan(requiredPoints);
            expect(readiness.missing.length).toBeGreaterThan(0);
            expect(readiness.lowIntensityAdvised).toBe(false);
            return;
          }
          expect(readiness.score).toBeGreaterThanOrEqual(0);
          expect(readiness.score).toBeLessThanOrEqual(100);
          expect(readiness.recommendation).toBe(recommendationFor(readiness.band));
          expect(readiness.lowIntensityAdvised).toBe(readiness.band === 'low');
          // The band never exceeds the score's own band, and differs only with a reason.
          const own = bandOf(readiness.score);
          expect(readiness.adjustment === null).toBe(readiness.band === own);
          expect(readiness.summary.startsWith(`${readiness.score}/100, ${readiness.band}:`)).toBe(
            true,
          );
          const total = readiness.factors.reduce((sum, entry) => sum + entry.contribution, 0);
          expect(Math.abs(total - readiness.score)).toBeLessThan(0.5);
          for (const entry of readiness.factors) {
            // A ratio of 0 is a real ACWR (no acute load); a zero metric is no reading.
            if (entry.value === 0 && entry.key !== 'acwr') expect(entry.status).toBe('missing');
          }
        },
      ),
      { numRuns: 300, seed: 4 },
    );
  });
});
