import { tierNames } from '@aria/core';
import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';

// The JSON the billing procedures answer with (views/billing.ts in @aria/api), for the document.

const count = z.number().int();

const quotaSchema = z.object({ used: count, limit: count, remaining: count }).meta({
  description: 'Calls in this quota period; `limit` and `remaining` are -1 for unlimited.',
});

/** One value per metered kind (the `usage_kind` names). */
const byKind = <S extends z.ZodType>(schema: S) =>
  z.object({ ask: schema, ask_media: schema, generate_plan: schema, training_readiness: schema });

const usageByKindSchema = byKind(quotaSchema);

const quotaPeriodSchema = z
  .object({
    start: z.iso.date(),
    resetsAt: dateTime.nullable(),
  })
  .meta({
    description:
      'Paid tiers follow the Stripe billing period; free (and tiers set directly) the UTC month.',
  });

export const subscriptionSchema = z
  .object({
    athleteId: z.string(),
    tier: z.enum(tierNames),
    status: z.string().meta({ description: 'Stripe status: active, past_due, canceled, …' }),
    managedBy: z.enum(['stripe', 'direct']),
    currentPeriodStart: dateTime.nullable(),
    currentPeriodEnd: dateTime.nullable(),
    cancelAtPeriodEnd: z.boolean(),
    quotaPeriod: quotaPeriodSchema,
    usage: usageByKindSchema,
  })
  .meta({ id: 'Subscription' });

export const billingUsageSchema = z
  .object({
    athleteId: z.string(),
    tier: z.enum(tierNames),
    quotaPeriod: quotaPeriodSchema,
    byKind: usageByKindSchema,
    byDay: z.array(
      z.object({
        date: z.iso.date(),
        calls: byKind(count),
      }),
    ),
  })
  .meta({ id: 'BillingUsage' });

export const checkoutSessionSchema = z
  .object({
    url: z.url().meta({ description: 'The hosted Stripe page to send the athlete to.' }),
    sessionId: z.string(),
    flow: z.enum(['checkout', 'plan_change']).meta({
      description: '`plan_change`: an upgrade of a live subscription, confirmed in the portal.',
    }),
  })
  .meta({ id: 'CheckoutSession' });

export const portalSessionSchema = z.object({ url: z.url() }).meta({ id: 'PortalSession' });
