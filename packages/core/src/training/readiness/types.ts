import type { AcwrZone } from '../acwr.js';
import type { IsoDate } from '../dates.js';

export const readinessBands = ['high', 'moderate', 'low'] as const;
export type ReadinessBand = (typeof readinessBands)[number];

export const trainingRecommendations = ['high_intensity', 'moderate', 'recovery'] as const;
export type TrainingRecommendation = (typeof trainingRecommendations)[number];

export const readinessModels = ['hrv_baseline', 'aria_original'] as const;
export type ReadinessModel = (typeof readinessModels)[number];

export const readinessFactorKeys = [
  'hrv',
  'resting_hr',
  'sleep_duration',
  'sleep_efficiency',
  'acwr',
  'recovery_score',
] as const;
export type ReadinessFactorKey = (typeof readinessFactorKeys)[number];

export const factorStatuses = ['good', 'caution', 'poor', 'missing'] as const;
export type FactorStatus = (typeof factorStatuses)[number];

/** The band a factor's value is compared with (HRV in lnRMSSD, resting HR in bpm). */
export interface FactorBaseline {
  readonly mean: number;
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
  readonly days: number;
}

/** One input of the score and what it did to it. */
export interface ReadinessFactor {
  readonly key: ReadinessFactorKey;
  readonly label: string;
  /** The value judged (lnRMSSD 7-day mean, bpm, hours, 0–1, ACWR ratio, 0–100). */
  readonly value: number | null;
  readonly unit: string;
  readonly baseline: FactorBaseline | null;
  readonly points: number;
  readonly maxPoints: number;
  /** Points of the final 0–100 score this factor accounts for; they add up to the score. */
  readonly contribution: number;
  readonly status: FactorStatus;
  readonly explanation: string;
}

export interface Readiness {
  readonly date: IsoDate;
  readonly model: ReadinessModel;
  readonly score: number;
  readonly band: ReadinessBand;
  readonly recommendation: TrainingRecommendation;
  /** True when hard sessions should be swapped for low intensity today. */
  readonly lowIntensityAdvised: boolean;
  readonly summary: string;
  readonly factors: ReadinessFactor[];
  readonly warnings: string[];
  readonly focusAreas: string[];
  /** Days with recovery metrics in the 60-day window ending at `date`. */
  readonly historyDays: number;
  /** Why the original Aria rule was used instead of the baseline model; null otherwise. */
  readonly fallbackReason: string | null;
}

export interface AcwrInput {
  readonly ratio: number;
  readonly zone: AcwrZone;
}

/** ≥ 80 high, ≥ 60 moderate, else low (the original Aria thresholds). */
export function bandOf(score: number): ReadinessBand {
  if (score >= 80) return 'high';
  if (score >= 60) return 'moderate';
  return 'low';
}

export function recommendationFor(band: ReadinessBand): TrainingRecommendation {
  if (band === 'high') return 'high_intensity';
  if (band === 'moderate') return 'moderate';
  return 'recovery';
}

export const recommendationText: Record<TrainingRecommendation, string> = {
  high_intensity: 'ready for high-intensity work',
  moderate: 'train at moderate intensity',
  recovery: 'consider rest or light recovery work',
};
