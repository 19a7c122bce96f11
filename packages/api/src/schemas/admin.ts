import { z } from 'zod';
import { userIdSchema } from './common.js';
import { text } from './primitives.js';

const adminPage = {
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
};

export const adminPageSchema = z.object(adminPage).default({ limit: 50, offset: 0 });

export const replayEventSchema = z.object({ eventId: z.uuid() });
export const replayDeadJobSchema = z.object({ id: z.uuid() });
export const adminAthleteSchema = z.object({ athleteId: userIdSchema });
export const revokeTokenSchema = z.object({
  userId: userIdSchema,
  jti: text().trim().min(1).max(255),
  /** The token's `exp`: the revocation is kept until then. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export const revokeUserTokensSchema = z.object({ userId: userIdSchema });
