import { z } from 'zod';
import { apiKeyScopes } from '../auth/identity.js';
import { userIdSchema } from './common.js';
import { instantSchema, text } from './primitives.js';

/** Whose keys: the caller's own when omitted; admin and service must name the athlete. */
const ownerIdSchema = userIdSchema.optional();

export const createApiKeySchema = z.object({
  name: text().trim().min(1).max(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1).optional(),
  expiresAt: instantSchema.optional(),
  ownerId: ownerIdSchema,
});

export const listApiKeysSchema = z.object({ ownerId: ownerIdSchema }).optional();

export const revokeApiKeySchema = z.object({ id: z.uuid(), ownerId: ownerIdSchema });
