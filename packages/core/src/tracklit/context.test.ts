import { describe, expect, it } from 'vitest';
import { trackLitContextFixture } from '../coach/testing/tracklit-context.js';
import { summarizeTrackLitContext, trackLitSummaryLimits } from './context.js';

describe('summarizeTrackLitContext', () => {
  const summary = summarizeTrackLitContext(trackLitContextFixture, '2026-06-01');

  it('keeps the sessions of the last four weeks, newest first', () => {
    expect(summary.recentSessions.map((session) => session.date)).toEqual([
      '2026-05-31',
      '2026-05-30',
    ]);
  });

  it('keeps meets from today on, soonest first, with the days until each', () => {
    expect(summary.upcomingCompetitions.map((meet) => [meet.name, meet.daysAway])).toEqual([
      ['Regional Open', 5],
      ['National Championships', 33],
    ]);
    expect(summary.daysToNextCompetition).toBe(5);
  });

  it('keeps open injuries only, and says whether one is active', () => {
    expect(summary.openInjuries.map((injury) => injury.area)).toEqual(['left hamstring strain']);
    expect(summary.activeInjury).toBe(true);
    const recovering = summarizeTrackLitContext(
      {
        ...trackLitContextFixture,
        injuries: [{ area: 'shin', status: 'recovering', reportedOn: null, notes: null }],
      },
      '2026-06-01',
    );
    expect(recovering.activeInjury).toBe(false);
    expect(recovering.openInjuries).toHaveLength(1);
  });

  it('caps each list, and answers nulls for an empty context', () => {
    const many = Array.from({ length: 30 }, (_, day) => ({
      date: `2026-05-${String(day + 1).padStart(2, '0')}`,
      title: `Session ${day + 1}`,
      completed: true,
      durationMinutes: 60,
      rpe: 6,
      feeling: null,
      notes: null,
    }));
    const capped = summarizeTrackLitContext(
      { ...trackLitContextFixture, recentSessions: many },
      '2026-06-01',
    );
    expect(capped.recentSessions).toHaveLength(trackLitSummaryLimits.sessions);
    expect(capped.recentSessions[0]?.title).toBe('Session 30');
    const empty = summarizeTrackLitContext(
      { recentSessions: [], upcomingCompetitions: [], recentResults: [], injuries: [] },
      '2026-06-01',
    );
    expect(empty).toMatchObject({ daysToNextCompetition: null, activeInjury: false });
  });
});
