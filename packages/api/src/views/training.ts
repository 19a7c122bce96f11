import { sessionLoad, type TrainingLoadSummary } from '@aria/core';
import type { TrainingSession } from '@aria/db';

/** A logged session with its Foster session-RPE load. */
export interface TrainingSessionView {
  id: string;
  athleteId: string;
  date: string;
  type: string;
  durationMinutes: number | null;
  rpe: number | null;
  sprintMetres: number | null;
  /** RPE × minutes (arbitrary units). */
  load: number;
  notes: string | null;
  createdAt: Date;
}

export function toTrainingSessionView(row: TrainingSession): TrainingSessionView {
  return {
    id: row.id,
    athleteId: row.athleteId,
    date: row.date,
    type: row.type,
    durationMinutes: row.durationMinutes,
    rpe: row.rpe,
    sprintMetres: row.sprintMetres,
    load:
      row.rpe === null || row.durationMinutes === null
        ? 0
        : sessionLoad({ rpe: row.rpe, durationMinutes: row.durationMinutes }),
    notes: row.notes,
    createdAt: row.createdAt,
  };
}

export interface TrainingLoadView extends TrainingLoadSummary {
  athleteId: string;
}
