import { type IsoDate, summarizeTrackLitContext, type TrackLitContextSummary } from '@aria/core';
import type { ApiDeps } from '../context.js';
import type { ProcedureLogger } from '../logger.js';

/**
 * The athlete's TrackLit context as of `today` (askEnhanced, plans.generate), or null: when
 * TRACKLIT_API_URL is unset, when TrackLit knows no such athlete, or when it could not be
 * read. A context that could not be read never fails the call: the step goes on without it,
 * with a warning in the request's log and `aria_tracklit_context_skipped_total{reason}`.
 */
export async function trackLitContextFor(
  ctx: {
    readonly deps: Pick<ApiDeps, 'trackLitContext' | 'metrics'>;
    readonly logger: ProcedureLogger;
  },
  athleteId: string,
  today: IsoDate,
): Promise<TrackLitContextSummary | null> {
  const source = ctx.deps.trackLitContext;
  if (!source) return null;
  const lookup = await source.lookup(athleteId);
  if (lookup.outcome === 'skipped') {
    ctx.deps.metrics?.trackLitContextSkipped(lookup.reason);
    ctx.logger.warn(
      { athleteId, reason: lookup.reason, detail: lookup.detail, circuit: source.circuit },
      'TrackLit context skipped: going on without it',
    );
    return null;
  }
  return lookup.context === null ? null : summarizeTrackLitContext(lookup.context, today);
}
