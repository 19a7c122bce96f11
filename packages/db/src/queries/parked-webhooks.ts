import { desc } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type ParkedWebhook, parkedWebhooks } from '../schema/events.js';

/** Keeps a delivery that verified but could not be used, for an operator to read. */
export async function parkWebhook(
  db: AriaDatabase,
  delivery: {
    readonly provider: string;
    readonly eventId?: string | undefined;
    readonly reason: string;
    readonly body: string;
  },
): Promise<void> {
  await db.insert(parkedWebhooks).values({
    provider: delivery.provider,
    eventId: delivery.eventId ?? null,
    reason: delivery.reason.slice(0, 2_000),
    body: delivery.body,
  });
}

export async function listParkedWebhooks(
  db: AriaDatabase,
  page: { readonly limit: number; readonly offset: number },
): Promise<ParkedWebhook[]> {
  return db
    .select()
    .from(parkedWebhooks)
    .orderBy(desc(parkedWebhooks.receivedAt), desc(parkedWebhooks.id))
    .limit(page.limit)
    .offset(page.offset);
}
