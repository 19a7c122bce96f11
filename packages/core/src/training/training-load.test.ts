import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ewmaAcwr, rollingAcwr } from './acwr.js';
import { addDays } from './dates.js';
import type { LoggedSession } from './session-load.js';
import {
  acwrFlagsOf,
  currentAcwrFlags,
  describeAcwrFlags,
  methodsIn,
  summarizeTrainingLoad,
  worstAcwrZone,
} from './training-load.js';

// Training load practice (Gabbett 2016; Windt & Gabbett 2017): ACWR "Show only with ≥ 28 days of data; treat zones as flags".

function everyDay(from: string, count: number, load: (day: number) => number): LoggedSession[] {
  return Array.from({ length: count }, (_, day) => ({
    date: addDays(from, day),
    rpe: 5,
    durationMinutes: load(day) / 5,
  }));
}

describe('summarizeTrainingLoad', () => {
  it('leaves ACWR out until 28 days of data exist, and says so', () => {
    const sessions = everyDay('2026-03-01', 27, () => 300);
    const summary = summarizeTrainingLoad(sessions, { asOf: '2026-03-27', days: 7 });
    expect(summary.acwr).toMatchObject({
      available: false,
      daysOfData: 27,
      daysRequired: 28,
      rolling: null,
      ewma: null,
    });
    expect(summary.acwr.note).toContain('28 days');
    expect(summary.days).toHaveLength(7);
  });

  it('shows both ratios with zones from day 28', () => {
    const sessions = everyDay('2026-03-01', 28, (day) => (day < 21 ? 300 : 450));
    const summary = summarizeTrainingLoad(sessions, { asOf: '2026-03-28', days: 28 });
    expect(summary.acwr.available).toBe(true);
    expect(summary.acwr.rolling).toEqual({ acute: 450, chronic: 300, ratio: 1.5, zone: 'danger' });
    // Both averages seeded at 300; after 7 days at 450: acute 450 − 150 × 0.75⁷ ≈ 430.0,
    // chronic 450 − 150 × (1 − 2/29)⁷ ≈ 359.0, so the EWMA ratio is 1.198 (sweet spot).
    expect(summary.acwr.ewma).toMatchObject({ ratio: 1.198, zone: 'sweet_spot' });
    expect(summary.days[0]).toMatchObject({ date: '2026-03-01', load: 300, sessions: 1 });
  });

  it('counts days of data from the first session and ignores later sessions', () => {
    const sessions = [
      { date: '2026-01-01', rpe: 6, durationMinutes: 60 },
      { date: '2026-02-10', rpe: 9, durationMinutes: 90 },
    ];
    const summary = summarizeTrainingLoad(sessions, { asOf: '2026-01-31', days: 3 });
    expect(summary.acwr.daysOfData).toBe(31);
    expect(summary.days.map((day) => day.load)).toEqual([0, 0, 0]);
    // Fitness, fatigue and form come from the whole history, not only the days shown.
    expect(summary.fitness).toBeCloseTo(360 * (1 - Math.exp(-1 / 42)) * Math.exp(-30 / 42), 2);
    expect(summary.form).toBeCloseTo(
      360 * (1 - Math.exp(-1 / 42)) * Math.exp(-29 / 42) -
        360 * (1 - Math.exp(-1 / 7)) * Math.exp(-29 / 7),
      2,
    );
  });

  it('answers an empty log with zeros', () => {
    const summary = summarizeTrainingLoad([], { asOf: '2026-05-01', days: 2 });
    expect(summary).toMatchObject({ fitness: 0, fatigue: 0, form: 0, ramp: 0 });
    expect(summary.acwr.daysOfData).toBe(0);
  });
});

describe('the one load computation', () => {
  it('reads 1.0 on both methods for a constant load, whatever window is shown', () => {
    const sessions = everyDay('2026-03-01', 28, () => 300);
    for (const days of [1, 7, 90]) {
      const { acwr } = summarizeTrainingLoad(sessions, { asOf: '2026-03-28', days });
      expect(acwr.rolling?.ratio).toBe(1);
      expect(acwr.ewma?.ratio).toBe(1);
    }
  });

  it('uses the whole history, not the last 28 days', () => {
    // 60 days at 200 AU, a fortnight off, then a week at 200 AU again.
    const sessions = [
      ...everyDay('2026-01-01', 60, () => 200),
      ...everyDay('2026-03-16', 7, () => 200),
    ];
    const summary = summarizeTrainingLoad(sessions, { asOf: '2026-03-22', days: 7 });
    expect(summary.acwr.daysOfData).toBe(81);
    // Rolling: 200 ÷ (7 × 200 / 21) = 3.0. The EWMA remembers the 60 days before the break.
    expect(summary.acwr.rolling).toMatchObject({ ratio: 3, zone: 'danger' });
    expect(summary.acwr.ewma?.ratio).toBeLessThan(1.5);
    expect(currentAcwrFlags(sessions, '2026-03-22')).toEqual({
      rolling: { ratio: 3, zone: 'danger' },
      ewma: { ratio: summary.acwr.ewma?.ratio, zone: summary.acwr.ewma?.zone },
    });
  });

  it('surfaces both flags, or null before 28 days', () => {
    expect(
      currentAcwrFlags(
        everyDay('2026-03-01', 10, () => 300),
        '2026-03-10',
      ),
    ).toBeNull();
    const spike = everyDay('2026-03-01', 35, (day) => (day < 28 ? 200 : 700));
    const flags = currentAcwrFlags(spike, '2026-04-04');
    expect(flags).toMatchObject({ rolling: { zone: 'danger' }, ewma: { zone: 'danger' } });
    expect(methodsIn(flags, 'danger')).toEqual(['rolling', 'ewma']);
    expect(worstAcwrZone({ rolling: { ratio: 1.4, zone: 'caution' }, ewma: null })).toBe('caution');
    expect(describeAcwrFlags({ rolling: { ratio: 1.52, zone: 'danger' }, ewma: null })).toBe(
      'rolling 1.52 (danger), EWMA not available',
    );
  });
});

describe('load properties', () => {
  const loads = fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 28, maxLength: 200 });

  it('reads 1.0 on both methods for any constant load over any span of 28 days or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 28, max: 400 }),
        (load, days) => {
          const constant = Array<number>(days).fill(load);
          expect(rollingAcwr(constant).ratio).toBeCloseTo(1, 9);
          expect(ewmaAcwr(constant).ratio).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 200, seed: 28 },
    );
  });

  it('does not depend on the unit of load (ratios are scale-free)', () => {
    fc.assert(
      fc.property(loads, fc.integer({ min: 2, max: 10 }), (series, factor) => {
        const scaled = series.map((load) => load * factor);
        for (const method of [rollingAcwr, ewmaAcwr]) {
          const plain = method(series).ratio;
          const times = method(scaled).ratio;
          if (plain === null) expect(times).toBeNull();
          else expect(times).toBeCloseTo(plain, 9);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('gives the same ACWR whatever window of days is shown', () => {
    fc.assert(
      fc.property(loads, fc.integer({ min: 1, max: 120 }), (series, days) => {
        const sessions = series.flatMap((load, day) =>
          load === 0
            ? []
            : [{ date: addDays('2026-01-01', day), rpe: 5, durationMinutes: load / 5 }],
        );
        const asOf = addDays('2026-01-01', series.length - 1);
        const shown = summarizeTrainingLoad(sessions, { asOf, days });
        const full = summarizeTrainingLoad(sessions, { asOf, days: 1 });
        expect(shown.acwr).toEqual(full.acwr);
        expect(currentAcwrFlags(sessions, asOf)).toEqual(acwrFlagsOf(full.acwr));
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
