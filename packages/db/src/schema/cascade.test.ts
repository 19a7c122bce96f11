import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachDriver } from '../testing/index.js';
import {
  analyses,
  analysisMedia,
  apiKeys,
  athletes,
  coachAthleteLinks,
  conversations,
  dailyMetrics,
  dailyUsage,
  messages,
  monthlyUsage,
  moodReports,
  subscriptions,
  trainingPlans,
  trainingSessions,
  wearableConnections,
} from './index.js';

const childTables = {
  analyses,
  analysisMedia,
  apiKeys,
  coachAthleteLinks,
  conversations,
  dailyMetrics,
  messages,
  moodReports,
  subscriptions,
  trainingPlans,
  trainingSessions,
  wearableConnections,
};

/** The usage ledger is billing data keyed by the TrackLit user id: it outlives the athlete. */
const ledgerTables = { dailyUsage, monthlyUsage };

describeEachDriver('deleting an athlete', (suite) => {
  it('cascades to every child table but the usage ledger', async () => {
    const { db } = suite;
    const athleteId = 'athlete-cascade';
    await db.insert(athletes).values({ id: athleteId, name: 'Cascade Runner' });
    await db
      .insert(coachAthleteLinks)
      .values({ coachId: 'coach-1', athleteId, grantedBy: athleteId });
    await db
      .insert(subscriptions)
      .values({ athleteId, tier: 'pro', stripeCustomerId: 'cus_cascade' });
    await db
      .insert(monthlyUsage)
      .values({ athleteId, periodStart: '2026-01-01', kind: 'ask', used: 1 });
    await db
      .insert(dailyUsage)
      .values({ athleteId, periodStart: '2026-01-01', day: '2026-01-02', kind: 'ask', used: 1 });
    await db.insert(apiKeys).values({
      keyHash: 'a'.repeat(64),
      start: 'aria_sk_aaaa',
      name: 'cascade key',
      ownerId: athleteId,
    });
    await db.insert(moodReports).values({ athleteId, mood: 'good', energy: 7 });
    const [conversation] = await db
      .insert(conversations)
      .values({ athleteId, title: 'Block starts' })
      .returning({ id: conversations.id });
    if (!conversation) throw new Error('conversation was not inserted');
    await db
      .insert(messages)
      .values({ conversationId: conversation.id, role: 'user', content: 'Hi' });
    await db.insert(trainingPlans).values({ athleteId, event: '100m', inputs: {}, plan: {} });
    await db
      .insert(trainingSessions)
      .values({ athleteId, date: '2026-01-02', type: 'speed', rpe: 7 });
    await db
      .insert(wearableConnections)
      .values({ athleteId, provider: 'WHOOP', externalUserId: 'terra-user-1' });
    await db
      .insert(dailyMetrics)
      .values({ athleteId, date: '2026-01-02', source: 'terra', hrvRmssd: 85 });
    const [analysis] = await db
      .insert(analyses)
      .values({ athleteId, mediaKind: 'video', mediaType: 'video/mp4', mediaBytes: 3 })
      .returning({ id: analyses.id });
    if (!analysis) throw new Error('analysis was not inserted');
    await db.insert(analysisMedia).values({
      analysisId: analysis.id,
      seq: 0,
      part: 'upload',
      mediaType: 'video/mp4',
      bytes: Buffer.from([1, 2, 3]),
    });

    for (const [name, table] of Object.entries({ ...childTables, ...ledgerTables })) {
      expect(await db.$count(table), `${name} before delete`).toBe(1);
    }

    await db.delete(athletes).where(eq(athletes.id, athleteId));

    for (const [name, table] of Object.entries(childTables)) {
      expect(await db.$count(table), `${name} after delete`).toBe(0);
    }
    for (const [name, table] of Object.entries(ledgerTables)) {
      expect(await db.$count(table), `${name} after delete`).toBe(1);
    }
  });
});
