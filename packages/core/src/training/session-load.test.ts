import { describe, expect, it } from 'vitest';
import { dailyLoads, sessionLoad } from './session-load.js';

// Foster et al. (2001): session load = RPE (CR-10) × minutes.
describe('sessionLoad (Foster session-RPE)', () => {
  it('is RPE × minutes in arbitrary units', () => {
    expect(sessionLoad({ rpe: 7, durationMinutes: 60 })).toBe(420);
    expect(sessionLoad({ rpe: 3, durationMinutes: 45 })).toBe(135);
    expect(sessionLoad({ rpe: 0, durationMinutes: 90 })).toBe(0);
  });
});

describe('dailyLoads', () => {
  it('sums the sessions of a day and fills days without sessions with zero', () => {
    const days = dailyLoads(
      [
        { date: '2026-03-02', rpe: 7, durationMinutes: 60, sprintMetres: 240 },
        { date: '2026-03-02', rpe: 4, durationMinutes: 30 },
        { date: '2026-03-04', rpe: 8, durationMinutes: 50, sprintMetres: 300 },
      ],
      '2026-03-01',
      '2026-03-04',
    );
    expect(days).toEqual([
      { date: '2026-03-01', load: 0, sessions: 0, sprintMetres: 0 },
      { date: '2026-03-02', load: 540, sessions: 2, sprintMetres: 240 },
      { date: '2026-03-03', load: 0, sessions: 0, sprintMetres: 0 },
      { date: '2026-03-04', load: 400, sessions: 1, sprintMetres: 300 },
    ]);
  });
});
