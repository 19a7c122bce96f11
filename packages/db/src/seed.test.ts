import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { athletes, knowledgeArticles, subscriptions } from './schema/index.js';
import { demoAthleteId, seedDevelopmentData } from './seed.js';
import { describeEachDriver } from './testing.js';

describeEachDriver('seedDevelopmentData', (suite) => {
  it('inserts the demo athlete, a free subscription and the articles once', async () => {
    const { db } = suite;
    expect(await seedDevelopmentData(db)).toBe(true);
    expect(await seedDevelopmentData(db)).toBe(false);

    const [athlete] = await db.select().from(athletes).where(eq(athletes.id, demoAthleteId));
    expect(athlete).toMatchObject({ name: 'Demo Sprinter', coachMode: 'supportive' });
    expect(athlete?.eventFocus).toContain('100m');
    expect(athlete?.personalBests['100m']).toBeTypeOf('number');

    const [subscription] = await db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.athleteId, demoAthleteId));
    expect(subscription?.tier).toBe('free');
    expect(await db.$count(knowledgeArticles)).toBeGreaterThanOrEqual(5);
    expect(await db.$count(athletes)).toBe(1);
  });
});
