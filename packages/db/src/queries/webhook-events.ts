import { and, eq } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { processedWebhookEvents } from '../schema/events.js';

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
