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

export const readinessStatuses = ['scored', 'insufficient_data'] as const;
export type ReadinessStatus = (typeof readinessStatuses)[number];

/** The band a factor's value is compared with (HRV and its band in ms, resting HR in bpm). */
export interface FactorBaseline {
  readonly mean: number;
  /** SD of the readings; null for HRV, whose band is computed on lnRMSSD and shown in ms. */
  readonly sd: number | null;
  readonly lower: number;
  readonly upper: number;
  readonly days: number;
}

/** One input of the score and what it did to it. */
export interface ReadinessFactor {
  readonly key: ReadinessFactorKey;
  readonly label: string;
  /** The value judged (HRV 7-day mean in ms, bpm, hours, %, ACWR ratio, 0–100). */
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

/** How much of the model could be measured, and how the score was scaled to 100. */
export interface ReadinessCoverage {
  /** Points the measured factors can give. */
  readonly measuredPoints: number;
  /** Points of the whole model (100). */
  readonly possiblePoints: number;
  /** Below this many measured points the answer is "insufficient data". */
  readonly requiredPoints: number;
}

interface ReadinessBase {
  readonly date: IsoDate;
  readonly model: ReadinessModel;
  readonly summary: string;
  readonly factors: ReadinessFactor[];
  /** What was not measured (factor labels, and history the baseline model lacks). */
  readonly missing: string[];
  readonly coverage: ReadinessCoverage;
  readonly warnings: string[];
  readonly focusAreas: string[];
  /** Days with recovery metrics in the 60-day window ending at `date`. */
  readonly historyDays: number;
  /** Why the original Aria rule was used instead of the baseline model; null otherwise. */
  readonly fallbackReason: string | null;
}

/** A score: one label (`band`) and one action (`recommendation`) that always agree. */
export interface ScoredReadiness extends ReadinessBase {
  readonly status: 'scored';
  /** 0–100, cut (not rounded) to one decimal, so it never shows a band it is not in. */
  readonly score: number;
  /** Today's level: the score's band, lowered when HRV or training load say so. */
  readonly band: ReadinessBand;
  readonly recommendation: TrainingRecommendation;
  /** True exactly when the recommendation is recovery: hard sessions become low ones. */
  readonly lowIntensityAdvised: boolean;
  /** Why the band is lower than the score's own band; null when it is not. */
  readonly adjustment: string | null;
}

/** Too little data to score: never charged, never a reason to change a session. */
export interface InsufficientReadiness extends ReadinessBase {
  readonly status: 'insufficient_data';
  readonly score: null;
  readonly band: null;
  readonly recommendation: null;
  readonly lowIntensityAdvised: false;
  readonly adjustment: null;
}

export type Readiness = ScoredReadiness | InsufficientReadiness;

/** ≥ 80 high, ≥ 60 moderate, else low (the original Aria thresholds), on the unrounded score. */
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
  moderate: 'train at moderate intensity: trim the volume and keep reps at about 90–95%',
  recovery: 'swap hard sessions for low intensity, or rest',
};

const bandOrder: readonly ReadinessBand[] = ['low', 'moderate', 'high'];

/** The lower of two bands. */
export function lowerBand(a: ReadinessBand, b: ReadinessBand): ReadinessBand {
  return bandOrder.indexOf(a) <= bandOrder.indexOf(b) ? a : b;
}

/** A score cut to one decimal: 79.96 shows as 79.9 (moderate), never as 80.0. */
export function displayedScore(score: number): number {
  return Math.floor(score * 10 + 1e-9) / 10;
}
