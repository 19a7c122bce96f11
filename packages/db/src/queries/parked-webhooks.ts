import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { parkedWebhookDeliveries } from '../schema/events.js';
import { parkWebhookDelivery } from './webhook-events.js';

/**
 * Keeps a delivery that verified but could not be used, for an operator to read: the same table
 * as every provider's parked deliveries, keyed by the delivery's id when it could be read, else
 * by the SHA-256 of its body (a redelivery is parked once).
 */
export async function parkWebhook(
  db: AriaDatabase,
  delivery: {
    readonly provider: string;
    readonly eventId?: string | undefined;
    readonly reason: string;
    readonly body: string;
  },
): Promise<void> {
  await parkWebhookDelivery(db, {
    provider: delivery.provider,
    deliveryId:
      delivery.eventId ?? `sha256:${createHash('sha256').update(delivery.body).digest('hex')}`,
    reason: delivery.reason.slice(0, 2_000),
    rawBody: delivery.body,
  });
}

export interface ParkedWebhook {
  readonly provider: string;
  readonly deliveryId: string;
  readonly reason: string;
  /** The raw body as received. */
  readonly body: string;
  readonly parkedAt: Date;
}

/** Parked deliveries of every provider, newest first. */
export async function listParkedWebhooks(
  db: AriaDatabase,
  page: { readonly limit: number; readonly offset: number },
): Promise<ParkedWebhook[]> {
  const rows = await db
    .select()
    .from(parkedWebhookDeliveries)
    .orderBy(desc(parkedWebhookDeliveries.parkedAt), desc(parkedWebhookDeliveries.deliveryId))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({
    provider: row.provider,
    deliveryId: row.deliveryId,
    reason: row.reason,
    body: Buffer.from(row.bodyBase64, 'base64').toString('utf8'),
    parkedAt: row.parkedAt,
  }));
}
