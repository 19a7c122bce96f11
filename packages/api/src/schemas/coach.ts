import { z } from 'zod';
import { userIdSchema } from './common.js';

export const linkCoachSchema = z.object({
  coachId: userIdSchema,
  /** Required for service and admin; an athlete links its own athlete. */
  athleteId: userIdSchema.optional(),
});

export const unlinkCoachSchema = z.object({
  /** The coach to remove; a coach removes itself and may omit it. */
  coachId: userIdSchema.optional(),
  /** The athlete to unlink; an athlete unlinks itself and may omit it. */
  athleteId: userIdSchema.optional(),
});

export const listCoachLinksSchema = z
  .object({ coachId: userIdSchema.optional(), athleteId: userIdSchema.optional() })
  .optional();
