import type { AriaDatabase } from './client.js';
import { athletes, knowledgeArticles, subscriptions } from './schema/index.js';
import { seedKnowledgeArticles } from './seed-articles.js';

export const demoAthleteId = 'demo-athlete';

/**
 * Inserts a demo athlete (free tier) and the starter knowledge articles. Idempotent: existing
 * rows are left untouched. Returns true when at least one row was inserted.
 */
export async function seedDevelopmentData(db: AriaDatabase): Promise<boolean> {
  return db.transaction(async (tx) => {
    const athleteRows = await tx
      .insert(athletes)
      .values({
        id: demoAthleteId,
        name: 'Demo Sprinter',
        email: 'demo-sprinter@example.com',
        gender: 'female',
        birthDate: '2001-05-14',
        eventFocus: ['100m', '200m'],
        personalBests: { '60m': 7.42, '100m': 11.68, '200m': 23.95 },
        trainingGoal: 'Break 11.5 s in the 100 m this outdoor season',
        injuryStatus: 'healthy',
        coachMode: 'supportive',
      })
      .onConflictDoNothing()
      .returning({ id: athletes.id });
    const subscriptionRows = await tx
      .insert(subscriptions)
      .values({ athleteId: demoAthleteId, tier: 'free', status: 'active' })
      .onConflictDoNothing()
      .returning({ athleteId: subscriptions.athleteId });
    const articleRows = await tx
      .insert(knowledgeArticles)
      .values([...seedKnowledgeArticles])
      .onConflictDoNothing()
      .returning({ id: knowledgeArticles.id });
    return athleteRows.length + subscriptionRows.length + articleRows.length > 0;
  });
}
