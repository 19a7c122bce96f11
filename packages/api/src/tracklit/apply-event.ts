import {
  type AriaDatabase,
  eraseAthlete,
  findAthlete,
  provisionAthlete,
  setTierDirectly,
  updateAthleteProfile,
  upsertExternalTrainingSession,
} from '@aria/db';
import type { z } from 'zod';
import type {
  subscriptionChangedSchema,
  trainingCompletedSchema,
  userUpdatedSchema,
} from './payload.js';

/** What became of a verified delivery (the webhook's 200 answer names it). */
export type TrackLitEffect = 'applied' | 'unmatched' | 'ignored';

export async function syncProfile(
  tx: AriaDatabase,
  data: z.infer<typeof userUpdatedSchema>,
): Promise<TrackLitEffect> {
  const changes = {
    ...(data.name === undefined ? {} : { name: data.name }),
    ...(data.email === undefined ? {} : { email: data.email }),
    ...(data.birthDate === undefined ? {} : { birthDate: data.birthDate }),
    ...(data.gender === undefined ? {} : { gender: data.gender }),
    ...(data.events === undefined ? {} : { eventFocus: data.events }),
    ...(data.personalBests === undefined ? {} : { personalBests: data.personalBests }),
  };
  await provisionAthlete(tx, { id: data.userId });
  await updateAthleteProfile(tx, data.userId, changes);
  return 'applied';
}

export async function eraseUser(tx: AriaDatabase, userId: string): Promise<TrackLitEffect> {
  return (await eraseAthlete(tx, userId)) ? 'applied' : 'unmatched';
}

export async function logTrainingSession(
  tx: AriaDatabase,
  data: z.infer<typeof trainingCompletedSchema>,
): Promise<TrackLitEffect> {
  await provisionAthlete(tx, { id: data.userId });
  await upsertExternalTrainingSession(tx, {
    athleteId: data.userId,
    source: 'tracklit',
    externalId: data.sessionId,
    date: data.date,
    type: data.type,
    durationMinutes: data.durationMinutes ?? null,
    rpe: data.rpe ?? null,
    sprintMetres: data.sprintMetres ?? null,
    notes: data.notes ?? null,
  });
  return 'applied';
}

/** TrackLit's tier, when TrackLit bills the athlete; a live Stripe subscription keeps its say. */
export async function setTrackLitTier(
  tx: AriaDatabase,
  data: z.infer<typeof subscriptionChangedSchema>,
): Promise<TrackLitEffect> {
  if (data.managedBy !== 'tracklit') return 'ignored';
  if (!(await findAthlete(tx, data.userId))) await provisionAthlete(tx, { id: data.userId });
  const outcome = await setTierDirectly(tx, data.userId, data.tier, 'tracklit');
  return outcome.kind === 'set' ? 'applied' : 'ignored';
}
