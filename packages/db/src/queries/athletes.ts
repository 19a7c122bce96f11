import { and, eq, ne, sql } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { analyses } from '../schema/analyses.js';
import { apiKeys } from '../schema/api-keys.js';
import { type Athlete, athletes, coachAthleteLinks, type NewAthlete } from '../schema/athletes.js';
import { dailyUsage, monthlyUsage, quotaGrants, subscriptions } from '../schema/billing.js';
import { conversations, messages, moodReports } from '../schema/coaching.js';
import { trainingPlans, trainingSessions } from '../schema/training.js';
import { dailyMetrics, wearableConnections } from '../schema/wearables.js';
import { preparedPer } from './prepared.js';
import { calendarMonthStart } from './subscriptions.js';
import { thenForgetTierRow } from './tier-cache.js';

export type AthleteProfileChanges = Partial<Omit<NewAthlete, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * Creates the athlete (empty profile unless given) with a free subscription, in one
 * transaction; an existing athlete is left as it is. Resolves to the row when it was created.
 */
export async function provisionAthlete(
  db: AriaDatabase,
  profile: NewAthlete,
): Promise<Athlete | undefined> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(athletes)
      .values(profile)
      .onConflictDoNothing({ target: athletes.id })
      .returning();
    if (!created) return undefined;
    await tx.insert(subscriptions).values({ athleteId: profile.id }).onConflictDoNothing();
    return created;
  });
}

const findAthleteStatement = preparedPer((db) =>
  db
    .select()
    .from(athletes)
    .where(eq(athletes.id, sql.placeholder('id')))
    .prepare('aria_find_athlete'),
);

export async function findAthlete(db: AriaDatabase, id: string): Promise<Athlete | undefined> {
  const [row] = await findAthleteStatement(db).execute({ id });
  return row;
}

/** The athlete's IANA time zone; UTC for an unknown athlete. */
export async function findAthleteTimeZone(db: AriaDatabase, id: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: athletes.timeZone })
    .from(athletes)
    .where(eq(athletes.id, id));
  return row?.timeZone ?? 'UTC';
}

export async function updateAthleteProfile(
  db: AriaDatabase,
  id: string,
  changes: AthleteProfileChanges,
): Promise<Athlete | undefined> {
  // The time zone is part of the tier row (it places the quota's month and day).
  const [row] = await thenForgetTierRow(
    db,
    id,
    db
      .update(athletes)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(athletes.id, id))
      .returning(),
  );
  return row;
}

/**
 * Full erasure: the athlete row (every child table cascades) and the links where this
 * user is the coach (coach ids are plain text, so nothing cascades to them). The usage ledger
 * is billing data and stays, so a re-provisioned athlete (free, calendar-month quota) finds
 * the month's usage; its rows of any other period can no longer count and are deleted.
 */
export async function eraseAthlete(
  db: AriaDatabase,
  id: string,
  at: Date = new Date(),
): Promise<boolean> {
  const keep = calendarMonthStart(at);
  const erased = db.transaction(async (tx) => {
    await tx.delete(coachAthleteLinks).where(eq(coachAthleteLinks.coachId, id));
    const deleted = await tx
      .delete(athletes)
      .where(eq(athletes.id, id))
      .returning({ id: athletes.id });
    if (deleted.length === 0) return false;
    for (const table of [monthlyUsage, dailyUsage, quotaGrants]) {
      await tx.delete(table).where(and(eq(table.athleteId, id), ne(table.periodStart, keep)));
    }
    return true;
  });
  return thenForgetTierRow(db, id, erased);
}

/** Everything stored about one athlete, for a data export (secrets such as key hashes left out). */
export async function exportAthleteData(db: AriaDatabase, id: string) {
  return db.transaction(async (tx) => {
    const [athlete] = await tx.select().from(athletes).where(eq(athletes.id, id));
    if (!athlete) return undefined;
    const athleteConversations = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.athleteId, id))
      .orderBy(conversations.createdAt);
    const conversationMessages = await tx
      .select({ message: messages })
      .from(messages)
      .innerJoin(conversations, eq(messages.conversationId, conversations.id))
      .where(eq(conversations.athleteId, id))
      .orderBy(messages.seq);
    return {
      athlete,
      subscription: (
        await tx.select().from(subscriptions).where(eq(subscriptions.athleteId, id))
      )[0],
      usage: await tx.select().from(monthlyUsage).where(eq(monthlyUsage.athleteId, id)),
      coachLinks: await tx
        .select()
        .from(coachAthleteLinks)
        .where(eq(coachAthleteLinks.athleteId, id)),
      apiKeys: await tx
        .select({
          id: apiKeys.id,
          name: apiKeys.name,
          start: apiKeys.start,
          scopes: apiKeys.scopes,
          expiresAt: apiKeys.expiresAt,
          revokedAt: apiKeys.revokedAt,
          lastUsedAt: apiKeys.lastUsedAt,
          createdAt: apiKeys.createdAt,
        })
        .from(apiKeys)
        .where(eq(apiKeys.ownerId, id)),
      moodReports: await tx.select().from(moodReports).where(eq(moodReports.athleteId, id)),
      conversations: athleteConversations.map((conversation) => ({
        ...conversation,
        messages: conversationMessages
          .map((row) => row.message)
          .filter((message) => message.conversationId === conversation.id),
      })),
      trainingPlans: await tx.select().from(trainingPlans).where(eq(trainingPlans.athleteId, id)),
      trainingSessions: await tx
        .select()
        .from(trainingSessions)
        .where(eq(trainingSessions.athleteId, id)),
      wearableConnections: await tx
        .select()
        .from(wearableConnections)
        .where(eq(wearableConnections.athleteId, id)),
      dailyMetrics: await tx.select().from(dailyMetrics).where(eq(dailyMetrics.athleteId, id)),
      // Results only: an upload is not kept beyond its analysis.
      analyses: await tx.select().from(analyses).where(eq(analyses.athleteId, id)),
    };
  });
}

export type AthleteExport = NonNullable<Awaited<ReturnType<typeof exportAthleteData>>>;

/** Stores a mood report and makes it the athlete's current mood, together. */
export async function recordMoodReport(
  db: AriaDatabase,
  report: { athleteId: string; mood: string; energy?: number; soreness?: number; note?: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(moodReports).values(report).returning();
    await tx
      .update(athletes)
      .set({ mood: report.mood, updatedAt: new Date() })
      .where(eq(athletes.id, report.athleteId));
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

export async function isCoachLinked(db: AriaDatabase, coachId: string, athleteId: string) {
  const [row] = await db
    .select({ athleteId: coachAthleteLinks.athleteId })
    .from(coachAthleteLinks)
    .where(and(eq(coachAthleteLinks.coachId, coachId), eq(coachAthleteLinks.athleteId, athleteId)));
  return row !== undefined;
}
