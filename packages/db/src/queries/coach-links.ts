import { and, eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { athletes, type CoachAthleteLink, coachAthleteLinks } from '../schema/athletes.js';

/** Grants a coach read access to an athlete; granting twice keeps the first grant. */
export async function linkCoach(
  db: AriaDatabase,
  link: { coachId: string; athleteId: string; grantedBy: string },
): Promise<CoachAthleteLink> {
  const [created] = await db
    .insert(coachAthleteLinks)
    .values(link)
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(coachAthleteLinks)
    .where(
      and(
        eq(coachAthleteLinks.coachId, link.coachId),
        eq(coachAthleteLinks.athleteId, link.athleteId),
      ),
    );
  if (!existing) throw new Error('coach link vanished between insert and select');
  return existing;
}

export async function unlinkCoach(db: AriaDatabase, coachId: string, athleteId: string) {
  const deleted = await db
    .delete(coachAthleteLinks)
    .where(and(eq(coachAthleteLinks.coachId, coachId), eq(coachAthleteLinks.athleteId, athleteId)))
    .returning({ athleteId: coachAthleteLinks.athleteId });
  return deleted.length > 0;
}

/** The athletes a coach may read, with when access was granted. */
export async function listCoachedAthletes(db: AriaDatabase, coachId: string) {
  return db
    .select({
      athleteId: athletes.id,
      name: athletes.name,
      eventFocus: athletes.eventFocus,
      linkedAt: coachAthleteLinks.createdAt,
    })
    .from(coachAthleteLinks)
    .innerJoin(athletes, eq(athletes.id, coachAthleteLinks.athleteId))
    .where(eq(coachAthleteLinks.coachId, coachId))
    .orderBy(athletes.name);
}

/** The coaches who can read an athlete. */
export async function listAthleteCoaches(db: AriaDatabase, athleteId: string) {
  return db
    .select({ coachId: coachAthleteLinks.coachId, linkedAt: coachAthleteLinks.createdAt })
    .from(coachAthleteLinks)
    .where(eq(coachAthleteLinks.athleteId, athleteId))
    .orderBy(coachAthleteLinks.createdAt);
}
