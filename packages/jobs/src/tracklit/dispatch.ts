import { type AriaDatabase, athletesWithDueOutboxEvents } from '@aria/db';
import type { JobEngine } from '../engine.js';
import type { JobLogger } from '../logger.js';
import { type Periodic, startPeriodic } from '../periodic.js';
import { deliverTrackLitEvents } from './deliver-events.js';

export type OutboxDispatch = Periodic;

/**
 * Turns due outbox events into delivery jobs, one per athlete, every `intervalMs`: new
 * events, retries whose backoff has passed, and events whose worker died mid-send. The
 * outbox row is written with its change, so nothing depends on the process that wrote it.
 */
export function startOutboxDispatch(parts: {
  readonly db: AriaDatabase;
  readonly engine: JobEngine;
  readonly intervalMs: number;
  readonly logger: JobLogger;
}): OutboxDispatch {
  return startPeriodic(
    async () => {
      for (const athleteId of await athletesWithDueOutboxEvents(parts.db)) {
        await parts.engine.send(deliverTrackLitEvents, { athleteId }, { singletonKey: athleteId });
      }
    },
    parts.intervalMs,
    (error) => parts.logger.error({ err: error }, 'outbox dispatch failed'),
  );
}
