import type { PlannedSession } from './types.js';

/** Race week: volume cut 40–60% at held intensity (Francis; ALTIS). */
export const raceWeekVolumeRange = { min: 0.4, max: 0.6 } as const;
const target = 0.5;

/** Sets × reps × distance (distance 1 for strength): what a volume cut is measured on. */
export function sessionWorkload(session: Pick<PlannedSession, 'sets' | 'reps' | 'distanceMetres'>) {
  return session.sets * session.reps * (session.distanceMetres ?? 1);
}

/** `volume` = sets × reps × distance in metres; 0 for strength and rest. */
export function volumeMetres(session: Pick<PlannedSession, 'sets' | 'reps' | 'distanceMetres'>) {
  return session.distanceMetres === null ? 0 : session.sets * session.reps * session.distanceMetres;
}

function fewerReps(session: PlannedSession): Pick<PlannedSession, 'sets' | 'reps'> | undefined {
  let best: { sets: number; reps: number; miss: number } | undefined;
  for (let reps = session.reps; reps >= 1; reps -= 1) {
    for (let sets = session.sets; sets >= 1; sets -= 1) {
      const ratio = (sets * reps) / (session.sets * session.reps);
      if (ratio < raceWeekVolumeRange.min || ratio > raceWeekVolumeRange.max) continue;
      const miss = Math.abs(ratio - target);
      if (!best || miss < best.miss - 1e-9) best = { sets, reps, miss };
    }
  }
  return best && { sets: best.sets, reps: best.reps };
}

/**
 * The same session at about half its volume, intensity and rest unchanged: fewer sets or reps
 * when some count lands within 40–60%, otherwise (1 or 3 reps in all) half the distance.
 */
export function cutVolume(session: PlannedSession): PlannedSession {
  const counts = fewerReps(session);
  const cut =
    counts ??
    (session.distanceMetres === null
      ? { sets: session.sets, reps: Math.max(1, Math.round(session.reps * target)) }
      : { distanceMetres: Math.round((session.distanceMetres * target) / 5) * 5 });
  const tapered = { ...session, ...cut };
  return {
    ...tapered,
    restBetweenSetsSeconds: tapered.sets > 1 ? session.restBetweenSetsSeconds : null,
    volumeMetres: volumeMetres(tapered),
    notes: `Race week: about half the volume, same intensity. ${session.notes}`.trim(),
  };
}
