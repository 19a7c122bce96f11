import { describe, expect, it } from 'vitest';
import { addDays } from './dates.js';
import type { LoggedSession } from './session-load.js';
import { currentAcwrZone, summarizeTrainingLoad } from './training-load.js';

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
    expect(summary.acwr.ewma?.zone).not.toBeNull();
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

describe('currentAcwrZone', () => {
  it('is the EWMA zone, or null before 28 days', () => {
    expect(
      currentAcwrZone(
        everyDay('2026-03-01', 10, () => 300),
        '2026-03-10',
      ),
    ).toBeNull();
    const spike = everyDay('2026-03-01', 35, (day) => (day < 28 ? 200 : 700));
    expect(currentAcwrZone(spike, '2026-04-04')).toMatchObject({ zone: 'danger' });
  });
});
