import { addDays } from '@aria/core';
import { insertTrainingSession, provisionAthlete } from '@aria/db';
import { describeEachDriver } from '@aria/db/testing';
import { expect, it } from 'vitest';
import { trainingContext } from './coaching-context.js';

// The coach's load figures come from the one load computation over the whole log, as of the
// athlete's own today: it used to read 28 days of rows and answer no ACWR whenever day t−27
// had no session.

describeEachDriver('coaching training context', (suite) => {
  it('reads the whole log and counts days on the athlete’s clocks', async () => {
    await provisionAthlete(suite.db, { id: 'ctx-athlete', timeZone: 'America/Los_Angeles' });
    const log = async (date: string, rpe = 5) =>
      insertTrainingSession(suite.db, {
        athleteId: 'ctx-athlete',
        date,
        type: 'sprint',
        durationMinutes: 60,
        rpe,
      });
    // 18:00 on 1 June in Los Angeles (01:00 on 2 June in UTC).
    const now = new Date('2026-06-02T01:00:00Z');
    const today = '2026-06-01';
    // Sessions 40–32 and 22–12 days ago, and every day of the last week; none on day t−27.
    for (let ago = 40; ago >= 32; ago -= 1) await log(addDays(today, -ago));
    for (let ago = 22; ago >= 12; ago -= 1) await log(addDays(today, -ago));
    for (let ago = 6; ago >= 0; ago -= 1) await log(addDays(today, -ago), 8);
    const context = await trainingContext(
      { db: suite.db },
      { id: 'ctx-athlete', timeZone: 'America/Los_Angeles' },
      now,
    );
    expect(context?.sessionsLast7Days).toBe(7);
    expect(context?.loadLast7Days).toBe(7 * 480);
    expect(context?.acwr).not.toBeNull();
    expect(context?.acwrEwma).not.toBeNull();
    // In UTC it is already 2 June: the last 7 days would hold 6 of those sessions.
    const utc = await trainingContext(
      { db: suite.db },
      { id: 'ctx-athlete', timeZone: 'UTC' },
      now,
    );
    expect(utc?.sessionsLast7Days).toBe(6);
  });
});
