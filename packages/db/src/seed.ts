import { and, eq, gte } from 'drizzle-orm';
import type { AriaDatabase, AriaTransaction } from './client.js';
import {
  athletes,
  coachAthleteLinks,
  dailyMetrics,
  knowledgeArticles,
  type NewAthlete,
  subscriptions,
  trainingSessions,
} from './schema/index.js';
import { seedKnowledgeArticles } from './seed-articles.js';
import { demoMetrics, demoSessions, demoWindow } from './seed-history.js';

/** On the star tier: plans, readiness and media work; the token the dev server prints. */
export const demoAthleteId = 'demo-athlete';
/** On the free tier: one question a month, then QUOTA_EXCEEDED. */
export const demoFreeAthleteId = 'demo-free-athlete';
/** A coach (no athlete row of its own) linked to the star athlete. */
export const demoCoachId = 'demo-coach';

const demoAthletes: readonly (NewAthlete & { tier: 'free' | 'star' })[] = [
  {
    id: demoAthleteId,
    tier: 'star',
    name: 'Demo Sprinter',
    email: 'demo-sprinter@example.com',
    gender: 'female',
    birthDate: '2001-05-14',
    eventFocus: ['100m', '200m'],
    personalBests: { '60m': 7.42, '100m': 11.68, '200m': 23.95 },
    trainingGoal: 'Break 11.5 s in the 100 m this outdoor season',
    injuryStatus: 'healthy',
    coachMode: 'supportive',
  },
  {
    id: demoFreeAthleteId,
    tier: 'free',
    name: 'Demo Free Sprinter',
    email: 'demo-free-sprinter@example.com',
    gender: 'male',
    birthDate: '1988-09-02',
    eventFocus: ['200m', '400m'],
    personalBests: { '200m': 22.9, '400m': 50.8 },
    trainingGoal: 'Stay healthy through a masters season',
    injuryStatus: 'healthy',
    coachMode: 'friendly',
  },
];

export interface SeedOptions {
  /** The UTC date the history ends on; today by default. */
  readonly today?: string;
}

/**
 * Development data: the demo athletes (star and free), a coach linked to the star one, the
 * starter knowledge articles, and six weeks of training sessions and wearable nights for each
 * athlete, ending today. Existing rows are left untouched; each start tops the history up to
 * the current day, so load and readiness stay current. Returns true when a row was inserted.
 */
export async function seedDevelopmentData(
  db: AriaDatabase,
  options: SeedOptions = {},
): Promise<boolean> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (const { tier, ...athlete } of demoAthletes) {
      const rows = await tx.insert(athletes).values(athlete).onConflictDoNothing().returning();
      const subscription = await tx
        .insert(subscriptions)
        .values({ athleteId: athlete.id, tier, status: 'active' })
        .onConflictDoNothing()
        .returning();
      inserted += rows.length + subscription.length + (await topUpHistory(tx, athlete.id, today));
    }
    const link = await tx
      .insert(coachAthleteLinks)
      .values({ coachId: demoCoachId, athleteId: demoAthleteId, grantedBy: demoAthleteId })
      .onConflictDoNothing()
      .returning();
    const articles = await tx
      .insert(knowledgeArticles)
      .values([...seedKnowledgeArticles])
      .onConflictDoNothing()
      .returning({ id: knowledgeArticles.id });
    return inserted + link.length + articles.length > 0;
  });
}

/** Adds the generated sessions on days without any session, and the missing nights. */
async function topUpHistory(tx: AriaTransaction, athleteId: string, today: string) {
  const [from = today] = demoWindow(today);
  const logged = await tx
    .selectDistinct({ date: trainingSessions.date })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.athleteId, athleteId), gte(trainingSessions.date, from)));
  const loggedDays = new Set(logged.map((row) => row.date));
  const sessions = demoSessions(athleteId, today).filter((s) => !loggedDays.has(s.date));
  const newSessions =
    sessions.length === 0
      ? []
      : await tx.insert(trainingSessions).values(sessions).returning({ id: trainingSessions.id });
  const nights = await tx
    .insert(dailyMetrics)
    .values(demoMetrics(athleteId, today))
    .onConflictDoNothing()
    .returning({ date: dailyMetrics.date });
  return newSessions.length + nights.length;
}
