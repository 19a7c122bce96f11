import { and, asc, eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import {
  type ParkedWebhookDelivery,
  parkedWebhookDeliveries,
  processedWebhookEvents,
} from '../schema/events.js';

/** Records a webhook delivery; false when the same provider and event id were recorded before. */
export async function recordWebhookEvent(
  db: AriaDatabase,
  provider: string,
  eventId: string,
): Promise<boolean> {
  const inserted = await db
    .insert(processedWebhookEvents)
    .values({ provider, eventId })
    .onConflictDoNothing()
    .returning({ eventId: processedWebhookEvents.eventId });
  return inserted.length > 0;
}

export async function isWebhookEventRecorded(
  db: AriaDatabase,
  provider: string,
  eventId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ eventId: processedWebhookEvents.eventId })
    .from(processedWebhookEvents)
    .where(
      and(
        eq(processedWebhookEvents.provider, provider),
        eq(processedWebhookEvents.eventId, eventId),
      ),
    );
  return row !== undefined;
}

export interface ParkWebhookDelivery {
  readonly provider: string;
  readonly deliveryId: string;
  readonly reason: string;
  readonly rawBody: string;
}

/** Parks a delivery for an operator; false when that delivery was parked before. */
export async function parkWebhookDelivery(
  db: AriaDatabase,
  delivery: ParkWebhookDelivery,
): Promise<boolean> {
  const inserted = await db
    .insert(parkedWebhookDeliveries)
    .values({
      provider: delivery.provider,
      deliveryId: delivery.deliveryId,
      reason: delivery.reason,
      bodyBase64: Buffer.from(delivery.rawBody, 'utf8').toString('base64'),
    })
    .onConflictDoNothing()
    .returning({ deliveryId: parkedWebhookDeliveries.deliveryId });
  return inserted.length > 0;
}

/** Parked deliveries of `provider`, oldest first. */
export function listParkedWebhookDeliveries(
  db: AriaDatabase,
  provider: string,
): Promise<ParkedWebhookDelivery[]> {
  return db
    .select()
    .from(parkedWebhookDeliveries)
    .where(eq(parkedWebhookDeliveries.provider, provider))
    .orderBy(asc(parkedWebhookDeliveries.parkedAt), asc(parkedWebhookDeliveries.deliveryId));
}
