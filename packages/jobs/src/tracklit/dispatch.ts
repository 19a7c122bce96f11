import { type AriaDatabase, athletesWithDueOutboxEvents } from '@aria/db';
import type { JobEngine } from '../engine.js';
import type { JobLogger } from '../logger.js';
import { deliverTrackLitEvents } from './deliver-events.js';

export interface OutboxDispatch {
  /** Looks for due events now (tests, start-up). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

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
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running ??= (async () => {
      try {
        for (const athleteId of await athletesWithDueOutboxEvents(parts.db)) {
          await parts.engine.send(
            deliverTrackLitEvents,
            { athleteId },
            { singletonKey: athleteId },
          );
        }
      } catch (error) {
        if (!stopped) parts.logger.error({ err: error }, 'outbox dispatch failed');
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), parts.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
