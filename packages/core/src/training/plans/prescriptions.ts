import {
  baseFor,
  levelFactor,
  type PlannedPhase,
  sessionTitles,
  sessionVolumeCaps,
  strengthDoses,
  strengthLoadOffset,
} from './prescription-tables.js';
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

const restPrescription = (type: SessionType): Prescription => ({
  title: sessionTitles[type],
  sets: 0,
  reps: 0,
  distanceMetres: null,
  intensityPercent: null,
  restBetweenRepsSeconds: null,
  restBetweenSetsSeconds: null,
  notes: type === 'rest' ? 'Rest: sleep, mobility, easy walk.' : '',
});

/** `2 × 3 × 120 m at 95%` or `3 × 5 @ 80% 1RM`: a dose in words, written from its numbers. */
export function doseText(
  dose: Pick<Prescription, 'sets' | 'reps' | 'distanceMetres' | 'intensityPercent'>,
) {
  const sets = dose.sets > 1 ? `${dose.sets} × ` : '';
  if (dose.distanceMetres === null) {
    return `${dose.sets} × ${dose.reps} @ ${dose.intensityPercent}% 1RM`;
  }
  return `${sets}${dose.reps} × ${dose.distanceMetres} m at ${dose.intensityPercent}%`;
}

function strength(context: PrescriptionContext): Prescription {
  const dose = strengthDoses[context.phase];
  const percent1RM = dose.percent1RM + strengthLoadOffset[context.level];
  const counts = {
    sets: dose.sets,
    reps: dose.reps,
    distanceMetres: null,
    intensityPercent: percent1RM,
  };
  return {
    title: sessionTitles.strength,
    ...counts,
    restBetweenRepsSeconds: null,
    restBetweenSetsSeconds: percent1RM >= 80 ? 180 : 120,
    notes: `Load as % of one-repetition maximum. ${dose.notes}`,
  };
}

/** Relaxed strides: low CNS, for race week. */
export function stridesPrescription(): Prescription {
  const counts = { sets: 1, reps: 6, distanceMetres: 60, intensityPercent: 80 };
  return {
    title: sessionTitles.strides,
    ...counts,
    restBetweenRepsSeconds: 60,
    restBetweenSetsSeconds: null,
    notes: 'Relaxed and tall, walk back between runs.',
  };
}

/** The last 48 h before a race: a few short accelerations, full recovery. */
export function shortAccelerationsPrescription(): Prescription {
  const counts = { sets: 1, reps: 4, distanceMetres: 20, intensityPercent: 95 };
  return {
    title: `${sessionTitles.acceleration} (short, pre-race)`,
    ...counts,
    restBetweenRepsSeconds: nearMaxRestSeconds(20),
    restBetweenSetsSeconds: null,
    notes: 'From a standing start; stay sharp and stop while fast.',
  };
}

/** Fewer reps, then fewer sets, until sets × reps × distance fits under `cap`. */
function withinCap(sets: number, reps: number, distance: number, cap: number | undefined) {
  if (cap === undefined) return { sets, reps };
  let fitted = { sets, reps };
  while (fitted.sets * fitted.reps * distance > cap && fitted.reps > 1) {
    fitted = { ...fitted, reps: fitted.reps - 1 };
  }
  while (fitted.sets * fitted.reps * distance > cap && fitted.sets > 1) {
    fitted = { ...fitted, sets: fitted.sets - 1 };
  }
  return fitted;
}

const capOf = (type: SessionType, level: ExperienceLevel) =>
  type === 'speed_endurance' || type === 'special_endurance' || type === 'tempo'
    ? sessionVolumeCaps[type][level]
    : undefined;

/**
 * Sets × reps × distance, intensity and rest for a session type in its context. Runs scale
 * their reps with the level and build 10% a week (up to 30%) within a preparation phase, then
 * stay under the level's per-session cap; strength is sets × reps at a load, not scaled.
 */
export function prescribe(type: SessionType, context: PrescriptionContext): Prescription {
  if (type === 'strength') return strength(context);
  if (type === 'strides') return stridesPrescription();
  const base = baseFor(type, context.event, context.phase);
  if (!base || base.distance === null) return restPrescription(type);
  const builds = context.phase === 'competition' ? 0 : Math.min(context.weekInPhase, 3);
  const scaled = Math.max(
    1,
    Math.round(base.reps * levelFactor[context.level] * (1 + 0.1 * builds)),
  );
  const { sets, reps } = withinCap(base.sets, scaled, base.distance, capOf(type, context.level));
  const repRest = base.rest ?? nearMaxRestSeconds(base.distance);
  const counts = { sets, reps, distanceMetres: base.distance, intensityPercent: base.intensity };
  return {
    title: sessionTitles[type],
    ...counts,
    restBetweenRepsSeconds: repRest,
    restBetweenSetsSeconds: sets > 1 ? (base.setRest ?? repRest + 240) : null,
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
