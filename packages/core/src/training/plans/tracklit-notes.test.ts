import { describe, expect, it } from 'vitest';
import { trackLitContextFixture } from '../../coach/testing/tracklit-context.js';
import { summarizeTrackLitContext } from '../../tracklit/context.js';
import { trackLitPlanNotes } from './tracklit-notes.js';

describe('trackLitPlanNotes', () => {
  const summary = summarizeTrackLitContext(trackLitContextFixture, '2026-06-01');

  it('asks for clearance before the fast sessions, names the race and the meets before it', () => {
    const notes = trackLitPlanNotes(summary, {
      startDate: '2026-05-31',
      competitionDate: '2026-07-04',
    });
    expect(notes).toEqual([
      expect.stringContaining(
        'TrackLit lists an active injury (left hamstring strain, reported 2026-05-28): see a doctor',
      ),
      'The race on 2026-07-04 is National Championships (TrackLit).',
      expect.stringContaining('TrackLit lists an earlier meet: Regional Open on 2026-06-06.'),
    ]);
  });

  it('leaves out meets before the plan starts', () => {
    const notes = trackLitPlanNotes(summary, {
      startDate: '2026-06-08',
      competitionDate: '2026-07-04',
    });
    expect(notes.join(' ')).not.toContain('Regional Open');
    expect(notes).toContain('The race on 2026-07-04 is National Championships (TrackLit).');
  });

  it('says nothing for a healthy athlete with no meets before the race', () => {
    const quiet = summarizeTrackLitContext(
      { ...trackLitContextFixture, injuries: [], upcomingCompetitions: [] },
      '2026-06-01',
    );
    expect(
      trackLitPlanNotes(quiet, { startDate: '2026-05-31', competitionDate: '2026-07-04' }),
    ).toEqual([]);
  });

  it('tells a recovering athlete to build in gradually', () => {
    const recovering = summarizeTrackLitContext(
      {
        ...trackLitContextFixture,
        injuries: [{ area: 'shin', status: 'recovering', reportedOn: null, notes: null }],
        upcomingCompetitions: [],
      },
      '2026-06-01',
    );
    expect(
      trackLitPlanNotes(recovering, { startDate: '2026-05-31', competitionDate: '2026-07-04' }),
    ).toEqual([
      expect.stringContaining('recovering from (shin): build into the fast sessions gradually'),
    ]);
  });
});
