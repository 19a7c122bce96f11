import { expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import { isCoachLinked, provisionAthlete } from './athletes.js';
import { linkCoach, listAthleteCoaches, listCoachedAthletes, unlinkCoach } from './coach-links.js';

describeEachDriver('coach link queries', (suite) => {
  it('links idempotently, lists both ways, and unlinks', async () => {
    await provisionAthlete(suite.db, { id: 'cl-a', name: 'A' });
    await provisionAthlete(suite.db, { id: 'cl-b', name: 'B' });
    const first = await linkCoach(suite.db, {
      coachId: 'coach-x',
      athleteId: 'cl-a',
      grantedBy: 'cl-a',
    });
    const again = await linkCoach(suite.db, {
      coachId: 'coach-x',
      athleteId: 'cl-a',
      grantedBy: 'svc',
    });
    expect(again.grantedBy).toBe('cl-a');
    expect(again.createdAt).toEqual(first.createdAt);
    await linkCoach(suite.db, { coachId: 'coach-x', athleteId: 'cl-b', grantedBy: 'cl-b' });

    expect((await listCoachedAthletes(suite.db, 'coach-x')).map((row) => row.athleteId)).toEqual([
      'cl-a',
      'cl-b',
    ]);
    expect((await listAthleteCoaches(suite.db, 'cl-a')).map((row) => row.coachId)).toEqual([
      'coach-x',
    ]);
    expect(await isCoachLinked(suite.db, 'coach-x', 'cl-a')).toBe(true);

    expect(await unlinkCoach(suite.db, 'coach-x', 'cl-a')).toBe(true);
    expect(await unlinkCoach(suite.db, 'coach-x', 'cl-a')).toBe(false);
    expect(await isCoachLinked(suite.db, 'coach-x', 'cl-a')).toBe(false);
  });
});
