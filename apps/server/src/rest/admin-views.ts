import { z } from '@hono/zod-openapi';
import { dateTime } from './openapi.js';

export const parkedEventsSchema = z
  .object({
    events: z.array(
      z.object({
        eventId: z.uuid(),
        type: z.string(),
        athleteId: z.string(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: dateTime,
        parkedAt: dateTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'AdminParkedEvents' });

export const replayedSchema = z
  .object({ replayed: z.boolean() })
  .catchall(z.union([z.string(), z.boolean()]))
  .meta({ id: 'AdminReplayed' });

export const jobsSchema = z
  .object({
    queues: z.array(
      z.object({
        name: z.string(),
        queued: z.number().int(),
        active: z.number().int(),
        retrying: z.number().int(),
        dead: z.number().int(),
        oldestQueuedSeconds: z.number(),
      }),
    ),
    dead: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        data: z.unknown(),
        error: z.unknown(),
        diedAt: dateTime,
      }),
    ),
    outbox: z.object({
      pending: z.number().int(),
      parked: z.number().int(),
      oldestPendingSeconds: z.number(),
    }),
  })
  .meta({ id: 'AdminJobs' });

export const parkedWebhooksSchema = z
  .object({
    webhooks: z.array(
      z.object({
        provider: z.string(),
        /** The provider's delivery id, or `sha256:<hex>` of the body when it has none. */
        deliveryId: z.string(),
        reason: z.string(),
        body: z.string(),
        parkedAt: dateTime,
      }),
    ),
  })
  .meta({ id: 'AdminParkedWebhooks' });

export const adminDoneSchema = z
  .object({})
  .catchall(z.union([z.string(), z.number(), z.boolean()]))
  .meta({ id: 'AdminDone' });

export const auditLogSchema = z
  .object({
    entries: z.array(
      z.object({
        id: z.number().int(),
        actorId: z.string(),
        action: z.string(),
        target: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        createdAt: dateTime,
      }),
    ),
  })
  .meta({ id: 'AdminAuditLog' });
