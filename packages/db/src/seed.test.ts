import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import {
  athletes,
  coachAthleteLinks,
  dailyMetrics,
  knowledgeArticles,
  subscriptions,
  trainingSessions,
} from './schema/index.js';
import { demoAthleteId, demoCoachId, demoFreeAthleteId, seedDevelopmentData } from './seed.js';
import { demoHistoryDays } from './seed-history.js';
import { describeEachDriver } from './testing/index.js';

const today = '2026-03-18';

describeEachDriver('seedDevelopmentData', (suite) => {
  const sessionsOf = (athleteId: string) =>
    suite.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.athleteId, athleteId))
      .orderBy(trainingSessions.date);
  const nightsOf = (athleteId: string) =>
    suite.db.$count(dailyMetrics, eq(dailyMetrics.athleteId, athleteId));

  it('inserts the demo athletes on star and free, the coach link and the articles once', async () => {
    const { db } = suite;
    expect(await seedDevelopmentData(db, { today })).toBe(true);
    expect(await seedDevelopmentData(db, { today })).toBe(false);

    const [athlete] = await db.select().from(athletes).where(eq(athletes.id, demoAthleteId));
    expect(athlete).toMatchObject({ name: 'Demo Sprinter', coachMode: 'supportive' });
    expect(athlete?.eventFocus).toContain('100m');
    expect(athlete?.personalBests['100m']).toBeTypeOf('number');

    const tiers = await db
      .select({ athleteId: subscriptions.athleteId, tier: subscriptions.tier })
      .from(subscriptions)
      .orderBy(subscriptions.athleteId);
    expect(tiers).toEqual([
      { athleteId: demoAthleteId, tier: 'star' },
      { athleteId: demoFreeAthleteId, tier: 'free' },
    ]);
    const links = await db.select().from(coachAthleteLinks);
    expect(links).toMatchObject([{ coachId: demoCoachId, athleteId: demoAthleteId }]);
    expect(await db.$count(knowledgeArticles)).toBeGreaterThanOrEqual(5);
    expect(await db.$count(athletes)).toBe(2);
  });

  it('writes six weeks of sessions before today and a wearable night every day', async () => {
    const { db } = suite;
    await seedDevelopmentData(db, { today });
    for (const athleteId of [demoAthleteId, demoFreeAthleteId]) {
      const sessions = await sessionsOf(athleteId);
      expect(sessions.length).toBeGreaterThanOrEqual(4 * 6);
      expect(sessions[0]?.date).toBe('2026-02-04'); // a Wednesday, 42 days before
      expect(sessions.at(-1)?.date ?? today).not.toBe(today);
      expect((sessions.at(-1)?.date ?? today) < today).toBe(true);
      for (const session of sessions) {
        expect(session.rpe).toBeGreaterThan(0);
        expect(session.durationMinutes).toBeGreaterThan(0);
      }
      expect(await nightsOf(athleteId)).toBe(demoHistoryDays + 1);
    }
  });

  it('tops the history up to a later day, around what the athlete logged', async () => {
    const { db } = suite;
    await seedDevelopmentData(db, { today });
    // The athlete logs Friday 2026-03-20 themselves; the top-up must not add a demo one there.
    await db.insert(trainingSessions).values({
      athleteId: demoAthleteId,
      date: '2026-03-20',
      type: 'competition',
      durationMinutes: 30,
      rpe: 9,
    });
    expect(await seedDevelopmentData(db, { today: '2026-03-23' })).toBe(true);

    const sessions = await sessionsOf(demoAthleteId);
    const dates = sessions.map((s) => s.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(sessions.filter((s) => s.date === '2026-03-20')).toMatchObject([
      { type: 'competition' },
    ]);
    // Wed 18 (max velocity, yesterday's "today"), Sat 21; Sun 22 rests, Mon 23 is today.
    expect(dates.filter((d) => d > '2026-03-17')).toEqual([
      '2026-03-18',
      '2026-03-20',
      '2026-03-21',
    ]);
    const nights = await db
      .select()
      .from(dailyMetrics)
      .where(and(eq(dailyMetrics.athleteId, demoAthleteId), eq(dailyMetrics.date, '2026-03-23')));
    expect(nights).toHaveLength(1);
    expect(await nightsOf(demoAthleteId)).toBe(demoHistoryDays + 1 + 5);
  });
});
