import { describe, expect, it } from 'vitest';
import { hasReadinessInputs, mergeDailyMetrics, type SourcedMetrics } from './daily-metrics.js';

const empty = {
  hrvRmssd: null,
  hrvRmssdDaily: null,
  restingHr: null,
  sleepSeconds: null,
  sleepEfficiency: null,
  recoveryScore: null,
  steps: null,
  strain: null,
};

function row(values: Partial<SourcedMetrics> & Pick<SourcedMetrics, 'source'>): SourcedMetrics {
  return { ...empty, date: '2026-04-02', updatedAt: new Date('2026-04-02T08:00:00Z'), ...values };
}

describe('mergeDailyMetrics', () => {
  it('takes each field from a manual entry first, then the most recent device', () => {
    const [day] = mergeDailyMetrics([
      row({ source: 'terra:oura', hrvRmssd: 70, restingHr: 50, sleepSeconds: 27_000 }),
      row({
        source: 'terra:garmin',
        hrvRmssd: 65,
        steps: 9000,
        updatedAt: new Date('2026-04-02T09:00:00Z'),
      }),
      row({ source: 'manual', restingHr: 54 }),
    ]);
    expect(day).toEqual({
      ...empty,
      date: '2026-04-02',
      hrvRmssd: 65,
      restingHr: 54,
      sleepSeconds: 27_000,
      steps: 9000,
      sources: ['manual', 'terra:garmin', 'terra:oura'],
    });
  });

  it('takes zero sleep, heart rate, HRV or recovery as no reading, from any source', () => {
    const [day] = mergeDailyMetrics([
      row({ source: 'manual', restingHr: 0, sleepSeconds: 0, recoveryScore: 0, steps: 0 }),
      row({ source: 'terra:oura', restingHr: 51, hrvRmssd: 0, hrvRmssdDaily: 0 }),
    ]);
    expect(day).toMatchObject({
      restingHr: 51,
      sleepSeconds: null,
      recoveryScore: null,
      hrvRmssd: null,
      hrvRmssdDaily: null,
      steps: 0,
    });
  });

  it('keeps overnight and 24-hour average HRV apart', () => {
    const [day] = mergeDailyMetrics([
      row({ source: 'terra:oura', hrvRmssd: 82, hrvRmssdDaily: 45 }),
    ]);
    expect(day).toMatchObject({ hrvRmssd: 82, hrvRmssdDaily: 45 });
  });

  it('answers one entry per date in ascending order', () => {
    const days = mergeDailyMetrics([
      row({ source: 'manual', date: '2026-04-03', restingHr: 50 }),
      row({ source: 'manual', date: '2026-04-01', restingHr: 52 }),
    ]);
    expect(days.map((day) => day.date)).toEqual(['2026-04-01', '2026-04-03']);
  });

  it('knows when a day has nothing readiness can use', () => {
    expect(hasReadinessInputs({ ...empty, steps: 12_000 })).toBe(false);
    expect(hasReadinessInputs({ ...empty, recoveryScore: 40 })).toBe(true);
  });
});
