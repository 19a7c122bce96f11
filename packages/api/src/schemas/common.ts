import { z } from 'zod';
import { text } from './primitives.js';

/** A TrackLit user id: the athlete's id in Aria. */
export const userIdSchema = text().trim().min(1).max(255);

/** For calls that act on one athlete: omitted means the caller's own athlete. */
export const athleteTargetSchema = z.object({ athleteId: userIdSchema.optional() });

export const pageSchema = {
  limit: z.number().int().min(1).max(50).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
};
