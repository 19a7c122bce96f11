import { tierNames } from '@aria/core';
import { z } from 'zod';
import { athleteTargetSchema, userIdSchema } from './common.js';
import { isStorableText, storableUrl } from './primitives.js';

/** The tiers Checkout sells. */
export const paidTiers = ['pro', 'star'] as const;

const returnUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000)
  .refine(isStorableText, storableUrl)
  .meta({ description: 'Where Stripe sends the athlete back; default STRIPE_RETURN_URL.' });

export const checkoutSchema = athleteTargetSchema.extend({
  tier: z.enum(paidTiers),
  returnUrl: returnUrlSchema.optional(),
});

export const portalSchema = athleteTargetSchema.extend({ returnUrl: returnUrlSchema.optional() });

export const setTierSchema = z.object({ athleteId: userIdSchema, tier: z.enum(tierNames) });
