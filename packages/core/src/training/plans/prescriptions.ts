import { baseFor, levelFactor, type PlannedPhase, sessionTitles } from './prescription-tables.js';
import type { ExperienceLevel, PlanTargets, SessionType, SprintEvent } from './types.js';

export interface Prescription {
  readonly title: string;
  readonly sets: number;
  readonly reps: number;
  readonly distanceMetres: number | null;
  readonly intensityPercent: number | null;
  readonly restBetweenRepsSeconds: number | null;
  readonly restBetweenSetsSeconds: number | null;
  readonly notes: string;
}

/** Rest for near-maximal sprints (≥ 90%): about 1 minute per 10 m sprinted. */
export function nearMaxRestSeconds(distanceMetres: number): number {
  return distanceMetres * 6;
}

export interface PrescriptionContext {
  readonly event: SprintEvent;
  readonly phase: PlannedPhase;
  readonly level: ExperienceLevel;
  /** 0-based week within the phase: preparation phases build volume 10% a week, up to 30%. */
  readonly weekInPhase: number;
}

/** Sets × reps × distance, intensity and rest for a session type in its context. */
export function prescribe(type: SessionType, context: PrescriptionContext): Prescription {
  const base = baseFor(type, context.event, context.phase);
  if (!base) {
    return {
      title: sessionTitles[type],
      sets: 0,
      reps: 0,
      distanceMetres: null,
      intensityPercent: null,
      restBetweenRepsSeconds: null,
      restBetweenSetsSeconds: null,
      notes: type === 'rest' ? 'Rest: sleep, mobility, easy walk.' : '',
    };
  }
  const builds = context.phase === 'competition' ? 0 : Math.min(context.weekInPhase, 3);
  const reps = Math.max(1, Math.round(base.reps * levelFactor[context.level] * (1 + 0.1 * builds)));
  const repRest = base.rest ?? (base.distance === null ? 60 : nearMaxRestSeconds(base.distance));
  return {
    title: sessionTitles[type],
    sets: base.sets,
    reps,
    distanceMetres: base.distance,
    intensityPercent: base.intensity,
    restBetweenRepsSeconds: repRest,
    restBetweenSetsSeconds: base.sets > 1 ? (base.setRest ?? repRest + 240) : null,
    notes: base.notes,
  };
}

export function competitionPrescription(event: SprintEvent): Prescription {
  return {
    title: `Competition: ${event}`,
    sets: 1,
    reps: 1,
    distanceMetres: Number.parseInt(event, 10),
    intensityPercent: 100,
    restBetweenRepsSeconds: null,
    restBetweenSetsSeconds: null,
    notes: 'Race day: your usual warm-up, then race.',
  };
}

/** Target time of one rep: the estimated time over a standing-start distance at the intensity. */
export function targetSecondsPerRep(
  type: SessionType,
  distanceMetres: number | null,
  intensityPercent: number | null,
  targets: PlanTargets | null,
): number | null {
  if (!targets || distanceMetres === null || intensityPercent === null) return null;
  if (type === 'max_velocity' || type === 'competition') return null;
  const bestByDistance: Record<number, number> = {
    30: targets.thirtyMetres,
    60: targets.sixtyMetres,
    100: targets.hundredMetres,
    200: targets.twoHundredMetres,
  };
  const best = bestByDistance[distanceMetres];
  return best === undefined ? null : Math.round((best / (intensityPercent / 100)) * 100) / 100;
}
