import type { IsoDate } from '../dates.js';
import type { Readiness } from '../readiness/types.js';
import { type AcwrFlags, describeAcwrFlags, methodsIn } from '../training-load.js';
import { prescribe, targetSecondsPerRep } from './prescriptions.js';
import { volumeMetres } from './taper.js';
import type { GeneratedPlan, PlannedSession, PlanPhase } from './types.js';

export interface TodayConditions {
  /** Today's readiness; insufficient data never changes the session. */
  readonly readiness: Readiness | null;
  /** Rolling and EWMA ACWR as of today; null before 28 days of log. */
  readonly acwr: AcwrFlags | null;
}

export interface TodaysSession {
  readonly date: IsoDate;
  readonly week: number | null;
  readonly phase: PlanPhase | null;
  /** What the plan says for the date; null outside the plan. */
  readonly planned: PlannedSession | null;
  /** What to do: the planned session, trimmed at moderate readiness, or its low swap. */
  readonly session: PlannedSession | null;
  readonly adapted: boolean;
  /** `as_planned`, `trimmed` (moderate readiness) or `swapped` (for a low day). */
  readonly adaptation: 'as_planned' | 'trimmed' | 'swapped';
  readonly reasons: string[];
}

/** Moderate readiness: reps at no more than this percentage of maximal speed. */
export const moderateIntensityCapPercent = 92;
/** Moderate readiness keeps about this share of the planned volume (within 50–80%). */
export const moderateVolumeShare = { min: 0.5, target: 0.7, max: 0.8 } as const;

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

/** Fewer sets or reps keeping about 70% of the volume; else shorter reps. */
function trimmedCounts(session: PlannedSession) {
  let best: { sets: number; reps: number; miss: number } | undefined;
  for (let sets = session.sets; sets >= 1; sets -= 1) {
    for (let reps = session.reps; reps >= 1; reps -= 1) {
      const share = (sets * reps) / (session.sets * session.reps);
      if (share < moderateVolumeShare.min || share > moderateVolumeShare.max) continue;
      const miss = Math.abs(share - moderateVolumeShare.target);
      if (!best || miss < best.miss - 1e-9) best = { sets, reps, miss };
    }
  }
  if (best) return { sets: best.sets, reps: best.reps };
  if (session.distanceMetres === null) return {};
  const shorter = Math.round((session.distanceMetres * moderateVolumeShare.target) / 5) * 5;
  return { distanceMetres: Math.max(5, shorter) };
}

/** The planned session at about 70% of its volume with reps capped at 92% of maximal speed. */
export function moderateDose(planned: PlannedSession, plan: GeneratedPlan): PlannedSession {
  const intensity =
    planned.intensityPercent === null
      ? null
      : Math.min(planned.intensityPercent, moderateIntensityCapPercent);
  const trimmed = { ...planned, ...trimmedCounts(planned), intensityPercent: intensity };
  return {
    ...trimmed,
    restBetweenSetsSeconds: trimmed.sets > 1 ? planned.restBetweenSetsSeconds : null,
    volumeMetres: volumeMetres(trimmed),
    targetSecondsPerRep: targetSecondsPerRep(
      trimmed.type,
      trimmed.distanceMetres,
      trimmed.intensityPercent,
      plan.targets,
    ),
    notes:
      `Moderate readiness: about ${Math.round(moderateVolumeShare.target * 100)}% of the planned volume, reps at no more than ${moderateIntensityCapPercent}%. ${planned.notes}`.trim(),
  };
}

type Verdict =
  | { kind: 'low'; reasons: string[] }
  | { kind: 'moderate'; reasons: string[] }
  | { kind: 'stands'; reasons: string[] };

function verdictOf(conditions: TodayConditions): Verdict {
  const { readiness, acwr } = conditions;
  if (readiness?.status === 'scored') {
    const label = `Readiness ${readiness.summary}`;
    if (readiness.band === 'low') return { kind: 'low', reasons: [label] };
    if (readiness.band === 'moderate') return { kind: 'moderate', reasons: [label] };
    return { kind: 'stands', reasons: [`Readiness ${readiness.score}/100 (high).`] };
  }
  // Without a score the training load still flags a spike; missing data changes nothing.
  const noScore = readiness
    ? `Readiness: insufficient data (missing ${readiness.missing.join('; ')}); that alone never changes a session.`
    : 'No readiness for today.';
  if (acwr && methodsIn(acwr, 'danger').length > 0) {
    return {
      kind: 'low',
      reasons: [
        noScore,
        `ACWR in the danger zone (≥ 1.5): ${describeAcwrFlags(acwr)}, a load spike.`,
      ],
    };
  }
  return { kind: 'stands', reasons: [noScore] };
}

/**
 * Today's session of a plan, adapted to readiness: at low readiness (or an ACWR spike without
 * a score) a high-CNS day becomes extensive tempo; at moderate readiness it keeps about 70% of
 * its volume with reps capped at 92%; insufficient data changes nothing. Race days stand.
 * Reasons say why.
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
      adaptation: 'as_planned',
      reasons: [`The plan runs from ${plan.startDate} to ${plan.competitionDate}.`],
    };
  }
  const base = { date, week: week.week, phase: week.phase, planned };
  const verdict = verdictOf(conditions);
  const hard = planned.cns === 'high' && planned.type !== 'competition';
  if (hard && verdict.kind === 'low') {
    const session = lowIntensitySwap(planned, plan);
    return { ...base, session, adapted: true, adaptation: 'swapped', reasons: verdict.reasons };
  }
  if (hard && verdict.kind === 'moderate') {
    const session = moderateDose(planned, plan);
    const how = `Trimmed to ${session.volumeMetres} m from ${planned.volumeMetres} m, reps at no more than ${session.intensityPercent}%.`;
    return {
      ...base,
      session,
      adapted: true,
      adaptation: 'trimmed',
      reasons: [...verdict.reasons, how],
    };
  }
  const stands =
    planned.type === 'competition' && verdict.kind !== 'stands'
      ? `Race day stands; warm up with care: ${verdict.reasons.join(' ')}`
      : 'The session stands as planned.';
  const status = planned.type === 'competition' ? [] : verdict.reasons;
  return {
    ...base,
    session: planned,
    adapted: false,
    adaptation: 'as_planned',
    reasons: [...status, stands],
  };
}
