import {
  type AriaDatabase,
  claimNextOutboxEvent,
  markOutboxEventFailed,
  markOutboxEventPublished,
} from '@aria/db';
import { z } from 'zod';
import { type BackoffPolicy, backoffDelayMs } from '../backoff.js';
import { defineJob } from '../definition.js';
import type { JobLogger } from '../logger.js';
import { eventBody } from './envelope.js';
import { type EventReceiver, postEvent } from './post-event.js';

/** Delivers one athlete's pending events, oldest first; at most one such job waits per athlete. */
export const deliverTrackLitEvents = defineJob({
  name: 'tracklit.deliver-events',
  parse: z.object({ athleteId: z.string().min(1) }).parse,
  policy: 'short',
});

export interface EventDeliverySettings {
  readonly receiver: EventReceiver;
  /** Attempts per event before it is parked. */
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  readonly logger: JobLogger;
}

export interface DeliverySummary {
  readonly delivered: number;
  readonly failed: number;
  readonly parked: number;
}

/**
 * Sends the athlete's due events in order until one fails or none is left. A failed event
 * waits for its backoff and the ones after it wait behind it; once it has used its attempts
 * it is parked and the next one goes. The claim lasts longer than one POST can, so no other
 * worker sends the same event meanwhile; a worker that dies mid-send leaves the claim to
 * expire and the event is sent again, with the same id.
 */
export async function deliverAthleteEvents(
  db: AriaDatabase,
  athleteId: string,
  settings: EventDeliverySettings,
): Promise<DeliverySummary> {
  const leaseMs = settings.receiver.timeoutMs * 2 + 5_000;
  let delivered = 0;
  let parked = 0;
  for (;;) {
    const event = await claimNextOutboxEvent(db, athleteId, leaseMs);
    if (!event) return { delivered, failed: 0, parked };
    const outcome = await postEvent(settings.receiver, eventBody(event));
    if (outcome.ok) {
      await markOutboxEventPublished(db, event.id);
      delivered++;
      continue;
    }
    const park = event.attempts >= settings.maxAttempts;
    const retryInMs = backoffDelayMs(event.attempts, settings.backoff);
    await markOutboxEventFailed(db, event.id, { error: outcome.error, retryInMs, park });
    const fields = {
      eventId: event.eventId,
      type: event.topic,
      athleteId,
      attempts: event.attempts,
      error: outcome.error,
    };
    if (!park) {
      settings.logger.warn({ ...fields, retryInMs }, 'event delivery failed');
      return { delivered, failed: 1, parked };
    }
    settings.logger.error(fields, 'event parked');
    parked++;
  }
}
