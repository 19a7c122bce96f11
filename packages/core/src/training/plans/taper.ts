import type { PlannedSession } from './types.js';

export interface VolumeShare {
  readonly min: number;
  readonly target: number;
  readonly max: number;
}

/** Race week: volume cut 40–60% at held intensity (Francis; ALTIS). */
export const raceWeekVolumeRange = { min: 0.4, target: 0.5, max: 0.6 } as const;
/** A deload week keeps 50–70% of the volume (−30–50%), at held intensity. */
export const deloadVolumeRange = { min: 0.5, target: 0.6, max: 0.7 } as const;

/** Sets × reps × distance (distance 1 for strength): what a volume cut is measured on. */
export function sessionWorkload(session: Pick<PlannedSession, 'sets' | 'reps' | 'distanceMetres'>) {
  return session.sets * session.reps * (session.distanceMetres ?? 1);
}

/** `volume` = sets × reps × distance in metres; 0 for strength and rest. */
export function volumeMetres(session: Pick<PlannedSession, 'sets' | 'reps' | 'distanceMetres'>) {
  return session.distanceMetres === null ? 0 : session.sets * session.reps * session.distanceMetres;
}

/**
 * Fewer sets or reps with a share of the workload inside `share`, nearest its target. Strength
 * only drops sets: reps and load are the prescription, not something to scale like runs.
 */
function fewerCounts(session: PlannedSession, share: VolumeShare) {
  let best: { sets: number; reps: number; miss: number } | undefined;
  const minReps = session.distanceMetres === null ? session.reps : 1;
  for (let reps = session.reps; reps >= minReps; reps -= 1) {
    for (let sets = session.sets; sets >= 1; sets -= 1) {
      const ratio = (sets * reps) / (session.sets * session.reps);
      if (ratio < share.min - 1e-9 || ratio > share.max + 1e-9) continue;
      const miss = Math.abs(ratio - share.target);
      if (!best || miss < best.miss - 1e-9) best = { sets, reps, miss };
    }
  }
  return best && { sets: best.sets, reps: best.reps };
}

/**
 * The same session at a share of its volume, intensity and rest unchanged: fewer sets or reps
 * when some count lands inside the share, otherwise shorter reps (runs) or one set fewer
 * (strength).
 */
export function scaleVolume(session: PlannedSession, share: VolumeShare, note: string) {
  const counts = fewerCounts(session, share);
  const cut =
    counts ??
    (session.distanceMetres === null
      ? { sets: Math.max(1, session.sets - 1) }
      : { distanceMetres: Math.round((session.distanceMetres * share.target) / 5) * 5 });
  const scaled = { ...session, ...cut };
  return {
    ...scaled,
    restBetweenSetsSeconds: scaled.sets > 1 ? session.restBetweenSetsSeconds : null,
    volumeMetres: volumeMetres(scaled),
    notes: `${note} ${session.notes}`.trim(),
  };
}

/** Race week: about half the volume, same intensity. */
export function cutVolume(session: PlannedSession): PlannedSession {
  return scaleVolume(
    session,
    raceWeekVolumeRange,
    'Race week: about half the volume, same intensity.',
  );
}

/** Deload: about 60% of the volume, same intensity. */
export function deloadVolume(session: PlannedSession): PlannedSession {
  return scaleVolume(
    session,
    deloadVolumeRange,
    'Deload week: about 60% of the volume, same intensity.',
  );
}
