import type { AcwrZone } from '../acwr.js';
import type { IsoDate } from '../dates.js';
import type { Readiness } from '../readiness/types.js';
import { prescribe } from './prescriptions.js';
import { volumeMetres } from './taper.js';
import type { GeneratedPlan, PlannedSession, PlanPhase } from './types.js';

export interface TodayConditions {
  readonly readiness: Readiness | null;
  readonly acwr: { readonly ratio: number; readonly zone: AcwrZone } | null;
}

export interface TodaysSession {
  readonly date: IsoDate;
  readonly week: number | null;
  readonly phase: PlanPhase | null;
  /** What the plan says for the date; null outside the plan. */
  readonly planned: PlannedSession | null;
  /** What to do: the planned session, or its low-intensity swap. */
  readonly session: PlannedSession | null;
  readonly adapted: boolean;
  readonly reasons: string[];
}

function lowIntensitySwap(planned: PlannedSession, plan: GeneratedPlan): PlannedSession {
  const tempo = prescribe('tempo', {
    event: plan.event,
    phase: 'competition',
    level: plan.experienceLevel,
    weekInPhase: 0,
  });
  const { title, notes: _notes, ...dose } = tempo;
  return {
    ...planned,
    type: 'tempo',
    cns: 'low',
    title: `${title} (instead of ${planned.title.toLowerCase()})`,
    ...dose,
    intensityPercent: 65,
    volumeMetres: volumeMetres(tempo),
    targetSecondsPerRep: null,
    notes: `Low day instead of the planned ${planned.title.toLowerCase()}; keep it easy and conversational.`,
  };
}

/** Why a high day should turn low today, one line per reason; empty when it should not. */
function reasonsToGoLow(conditions: TodayConditions): string[] {
  const reasons: string[] = [];
  const { readiness, acwr } = conditions;
  if (readiness?.recommendation === 'recovery') {
    reasons.push(`Readiness ${readiness.score}/100 is ${readiness.band}: ${readiness.summary}`);
  }
  const hrv = readiness?.factors.find((factor) => factor.key === 'hrv');
  if (readiness?.lowIntensityAdvised && hrv && hrv.status !== 'good' && hrv.status !== 'missing') {
    reasons.push(`HRV below your baseline: ${hrv.explanation}`);
  }
  if (acwr?.zone === 'danger') {
    reasons.push(`EWMA ACWR ${acwr.ratio} is in the danger zone (≥ 1.5): a load spike.`);
  }
  return reasons;
}

/**
 * Today's session of a plan, adapted: a high-CNS day becomes extensive tempo when readiness is
 * low, HRV is below baseline or the ACWR is in the danger zone. Race days stand; reasons say why.
 */
export function adaptTodaysSession(
  plan: GeneratedPlan,
  date: IsoDate,
  conditions: TodayConditions,
): TodaysSession {
  const week = plan.schedule.find((entry) => date >= entry.startDate && date <= entry.endDate);
  const planned = week?.sessions.find((session) => session.date === date);
  if (!week || !planned) {
    return {
      date,
      week: null,
      phase: null,
      planned: null,
      session: null,
      adapted: false,
      reasons: [`The plan runs from ${plan.startDate} to ${plan.competitionDate}.`],
    };
  }
  const base = { date, week: week.week, phase: week.phase, planned };
  const goLow = reasonsToGoLow(conditions);
  if (planned.cns === 'high' && planned.type !== 'competition' && goLow.length > 0) {
    return { ...base, session: lowIntensitySwap(planned, plan), adapted: true, reasons: goLow };
  }
  const { readiness } = conditions;
  const status = readiness
    ? `Readiness ${readiness.score}/100 (${readiness.band}).`
    : `No readiness data for ${date}.`;
  const stands =
    planned.type === 'competition' && goLow.length > 0
      ? `Race day stands; warm up with care: ${goLow.join(' ')}`
      : 'The session stands as planned.';
  return { ...base, session: planned, adapted: false, reasons: [status, stands] };
}
