import type { MechanicsRating } from '@aria/core';
import type { Analysis, AnalysisStatus } from '@aria/db';
import { type MechanicsAnalysis, mechanicsAnalysisSchema } from '@aria/integrations';
import { analysisErrorDetails, isAnalysisErrorCode } from '../analysis/failures.js';

export interface MechanicsFindingView {
  rating: MechanicsRating;
  /** What the frames show. */
  observation: string;
  /** One coaching cue; empty when the rating is `good` or `not_visible`. */
  cue: string;
}

/** The model's findings on the sprint mechanics the frames show. */
export interface MechanicsResultView {
  summary: string;
  posture: MechanicsFindingView;
  shinAngles: MechanicsFindingView;
  groundContact: MechanicsFindingView;
  armAction: MechanicsFindingView;
  drills: string[];
}

/** One background analysis (`coaching.analyzeMedia`, `coaching.getAnalysis`). */
export interface AnalysisView {
  id: string;
  athleteId: string;
  /** `queued` → `running` → `completed` (with `result`) or `failed` (with `error`). */
  status: AnalysisStatus;
  mediaKind: 'video' | 'image';
  mediaType: string;
  /** The event and level the model judged the sprint for; null when not known. */
  event: string | null;
  experienceLevel: string | null;
  /** Runs started so far (retries included). */
  attempts: number;
  result: MechanicsResultView | null;
  /** Why it failed; the `ask_media` unit it cost has been given back. */
  error: { code: string; detail: string } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

// The stored result is the provider's parsed answer; the view promises the same shape.
const sameShape: (result: MechanicsAnalysis) => MechanicsResultView = (result) => result;

function errorOf(code: string | null): AnalysisView['error'] {
  if (code === null) return null;
  return { code, detail: isAnalysisErrorCode(code) ? analysisErrorDetails[code] : code };
}

export function toAnalysisView(row: Analysis): AnalysisView {
  return {
    id: row.id,
    athleteId: row.athleteId,
    status: row.status,
    mediaKind: row.mediaKind,
    mediaType: row.mediaType,
    event: row.event,
    experienceLevel: row.experienceLevel,
    attempts: row.attempts,
    result: row.result === null ? null : sameShape(mechanicsAnalysisSchema.parse(row.result)),
    error: errorOf(row.errorCode),
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
