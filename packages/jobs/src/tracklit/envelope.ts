import type { OutboxEvent } from '@aria/db';

/** The JSON body of one outbound event: `{ id, type, createdAt, data: { athleteId, … } }`. */
export function eventBody(event: OutboxEvent): string {
  return JSON.stringify({
    id: event.eventId,
    type: event.topic,
    createdAt: event.createdAt.toISOString(),
    data: { ...event.payload, athleteId: event.athleteId },
  });
}
