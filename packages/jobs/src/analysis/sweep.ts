import { type AriaDatabase, waitingAnalyses } from '@aria/db';
import type { JobEngine } from '../engine.js';
import type { JobLogger } from '../logger.js';
import { type Periodic, startPeriodic } from '../periodic.js';
import { analyzeMedia } from './analyze-media.js';

/**
 * Sends the job again for analyses left `queued` longer than `staleAfterMs`, every
 * `intervalMs`: a process that stored an analysis and died before queueing its job leaves
 * nothing stuck. A job still waiting for the same analysis keeps the new send from queueing
 * a second one (the queue's `short` policy), and a run that finds its analysis finished does
 * nothing.
 */
export function startAnalysisSweep(parts: {
  readonly db: AriaDatabase;
  readonly engine: JobEngine;
  readonly intervalMs: number;
  readonly staleAfterMs: number;
  readonly logger: JobLogger;
}): Periodic {
  return startPeriodic(
    async () => {
      for (const analysisId of await waitingAnalyses(parts.db, parts.staleAfterMs)) {
        const sent = await parts.engine.send(
          analyzeMedia,
          { analysisId },
          { singletonKey: analysisId },
        );
        if (sent) parts.logger.warn({ analysisId }, 'analysis job sent again');
      }
    },
    parts.intervalMs,
    (error) => parts.logger.error({ err: error }, 'analysis sweep failed'),
  );
}
