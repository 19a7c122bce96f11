import { randomUUID } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import { provisionAthlete } from './athletes.js';
import { findTrainingPlan, insertTrainingPlan, listTrainingPlans } from './plans.js';
import { insertTrainingSession, listTrainingSessions } from './training.js';

describeEachDriver('training queries', (suite) => {
  let athleteId: string;
  beforeEach(async () => {
    athleteId = `athlete-${randomUUID()}`;
    await provisionAthlete(suite.db, { id: athleteId });
  });

  it('lists sessions in a date window, oldest first', async () => {
    for (const date of ['2026-03-05', '2026-03-01', '2026-03-09']) {
      await insertTrainingSession(suite.db, {
        athleteId,
        date,
        type: 'acceleration',
        durationMinutes: 60,
        rpe: 7,
      });
    }
    const window = await listTrainingSessions(suite.db, athleteId, {
      from: '2026-03-02',
      to: '2026-03-09',
    });
    expect(window.map((row) => row.date)).toEqual(['2026-03-05', '2026-03-09']);
    const all = await listTrainingSessions(suite.db, athleteId, { to: '2026-03-31' });
    expect(all.map((row) => row.date)).toEqual(['2026-03-01', '2026-03-05', '2026-03-09']);
    expect(await listTrainingSessions(suite.db, 'someone-else', { to: '2026-03-31' })).toEqual([]);
  });

  it('stores plans and finds them only for their athlete, newest first', async () => {
    const first = await insertTrainingPlan(suite.db, {
      athleteId,
      event: '100m',
      inputs: { weeks: 12 },
      plan: { version: 1 },
      narrative: 'First',
    });
    const second = await insertTrainingPlan(suite.db, {
      athleteId,
      event: '200m',
      inputs: { weeks: 8 },
      plan: { version: 1 },
      createdAt: new Date(first.createdAt.getTime() + 1000),
    });
    expect(await findTrainingPlan(suite.db, athleteId, first.id)).toMatchObject({ event: '100m' });
    expect(await findTrainingPlan(suite.db, 'someone-else', first.id)).toBeUndefined();
    const page = await listTrainingPlans(suite.db, athleteId, { limit: 10, offset: 0 });
    expect(page.map((row) => row.id)).toEqual([second.id, first.id]);
    const next = await listTrainingPlans(suite.db, athleteId, { limit: 1, offset: 1 });
    expect(next.map((row) => row.id)).toEqual([first.id]);
  });
});
