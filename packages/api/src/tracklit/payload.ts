import { z } from 'zod';
import { isoDateSchema, text } from '../schemas/primitives.js';

/** `{ id, type, createdAt, data }` with `data.userId`: what every TrackLit delivery carries. */
export const trackLitEnvelopeSchema = z.object({
  id: text().trim().min(1).max(200),
  type: text().trim().min(1).max(100),
  createdAt: z.iso.datetime({ offset: true }),
  data: z.looseObject({ userId: text().trim().min(1).max(200) }),
});

const day = isoDateSchema;

/** `user.updated`: the profile as TrackLit holds it; fields left out are kept as stored. */
export const userUpdatedSchema = z.object({
  userId: text(),
  name: text().trim().min(1).max(200).nullable().optional(),
  email: text().trim().max(320).pipe(z.email()).nullable().optional(),
  birthDate: day.nullable().optional(),
  gender: text().trim().min(1).max(50).nullable().optional(),
  events: z.array(text().trim().min(1).max(40)).max(10).optional(),
  personalBests: z
    .record(text().trim().min(1).max(20), z.number().positive().max(100_000))
    .optional(),
  timeZone: text().trim().min(1).max(64).optional(),
});

/** `training.completed`: one session, identified by TrackLit's own id for it. */
export const trainingCompletedSchema = z.object({
  userId: text(),
  sessionId: text().trim().min(1).max(200),
  date: day,
  type: text().trim().min(1).max(60),
  durationMinutes: z.number().int().min(0).max(1_440).optional(),
  rpe: z.number().min(0).max(10).optional(),
  sprintMetres: z.number().int().min(0).max(100_000).optional(),
  notes: text().max(2_000).optional(),
});

/** `subscription.changed`: applies only when TrackLit manages the athlete's billing. */
export const subscriptionChangedSchema = z.object({
  userId: text(),
  tier: z.enum(['free', 'pro', 'star']),
  managedBy: text().trim().min(1).max(40),
});

export type TrackLitEnvelope = z.infer<typeof trackLitEnvelopeSchema>;
