import type { TrackLitAthleteContext } from '../../tracklit/context.js';

/** A sprinter's TrackLit context around 2026-06-01 (the coach fixtures' `now`). */
export const trackLitContextFixture: TrackLitAthleteContext = {
  recentSessions: [
    {
      date: '2026-05-30',
      title: 'Block starts 6 × 30 m',
      completed: true,
      durationMinutes: 70,
      rpe: 8,
      feeling: 6,
      notes: 'Felt flat on the last two',
    },
    {
      date: '2026-04-01',
      title: 'Old tempo session',
      completed: true,
      durationMinutes: 50,
      rpe: 5,
      feeling: 7,
      notes: null,
    },
    {
      date: '2026-05-31',
      title: 'Extensive tempo 10 × 100 m',
      completed: false,
      durationMinutes: null,
      rpe: null,
      feeling: null,
      notes: null,
    },
  ],
  upcomingCompetitions: [
    {
      date: '2026-07-04',
      name: 'National Championships',
      location: null,
      events: ['100m'],
    },
    {
      date: '2026-06-06',
      name: 'Regional Open',
      location: 'Gothenburg',
      events: ['100m', '200m'],
    },
    { date: '2026-05-20', name: 'Spring Meet', location: null, events: ['60m'] },
  ],
  recentResults: [
    {
      date: '2026-05-20',
      event: '100m',
      performance: 10.91,
      wind: 1.1,
      place: 2,
      competition: 'Spring Meet',
    },
  ],
  injuries: [
    { area: 'right calf', status: 'resolved', reportedOn: '2026-02-01', notes: null },
    { area: 'left hamstring strain', status: 'active', reportedOn: '2026-05-28', notes: null },
  ],
};
