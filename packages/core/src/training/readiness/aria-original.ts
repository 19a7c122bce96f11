import type { MetricValues } from '../daily-metrics.js';
import type { ReadinessFactor } from './types.js';

// The original Aria service's `_calculate_training_insights` (Tracklit/Aria, FastAPI):
// sleep ≥ 7.5 h → 40, ≥ 6.5 h → 30, else 15; resting HR ≤ 60 → 30, ≤ 70 → 20, else 10;
// plus the wearable's recovery score × 0.3; min(100, sum); a missing input adds nothing.

export interface AriaOriginalScore {
  readonly score: number;
  readonly factors: ReadinessFactor[];
  readonly warnings: string[];
  readonly focusAreas: string[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function missing(key: ReadinessFactor['key'], label: string, unit: string, maxPoints: number) {
  return {
    key,
    label,
    value: null,
    unit,
    baseline: null,
    points: 0,
    maxPoints,
    contribution: 0,
    status: 'missing',
    explanation: 'No data: adds nothing.',
  } satisfies ReadinessFactor;
}

function sleepFactor(sleepSeconds: number | null): ReadinessFactor {
  if (sleepSeconds === null) return missing('sleep_duration', 'Sleep duration', 'h', 40);
  const hours = sleepSeconds / 3600;
  const points = hours >= 7.5 ? 40 : hours >= 6.5 ? 30 : 15;
  return {
    key: 'sleep_duration',
    label: 'Sleep duration',
    value: round1(hours),
    unit: 'h',
    baseline: null,
    points,
    maxPoints: 40,
    contribution: points,
    status: points === 40 ? 'good' : points === 30 ? 'caution' : 'poor',
    explanation: `${round1(hours)} h: ≥ 7.5 h scores 40, ≥ 6.5 h 30, less 15.`,
  };
}

function restingHrFactor(restingHr: number | null): ReadinessFactor {
  if (restingHr === null) return missing('resting_hr', 'Resting heart rate', 'bpm', 30);
  const points = restingHr <= 60 ? 30 : restingHr <= 70 ? 20 : 10;
  return {
    key: 'resting_hr',
    label: 'Resting heart rate',
    value: restingHr,
    unit: 'bpm',
    baseline: null,
    points,
    maxPoints: 30,
    contribution: points,
    status: points === 30 ? 'good' : points === 20 ? 'caution' : 'poor',
    explanation: `${restingHr} bpm: ≤ 60 scores 30, ≤ 70 20, higher 10.`,
  };
}

function recoveryFactor(recoveryScore: number | null): ReadinessFactor {
  if (recoveryScore === null) return missing('recovery_score', 'Wearable recovery score', '%', 30);
  const points = round1(recoveryScore * 0.3);
  return {
    key: 'recovery_score',
    label: 'Wearable recovery score',
    value: recoveryScore,
    unit: '%',
    baseline: null,
    points,
    maxPoints: 30,
    contribution: points,
    status: recoveryScore >= 67 ? 'good' : recoveryScore >= 34 ? 'caution' : 'poor',
    explanation: `${recoveryScore} × 0.3 = ${points} points.`,
  };
}

/** Worked example: 8 h sleep, RHR 55, recovery 80 → 40 + 30 + 24 = 94. */
export function ariaOriginalScore(day: MetricValues): AriaOriginalScore {
  const factors = [
    sleepFactor(day.sleepSeconds),
    restingHrFactor(day.restingHr),
    recoveryFactor(day.recoveryScore),
  ];
  const score = Math.min(100, Math.round(factors.reduce((sum, f) => sum + f.points, 0)));
  const warnings: string[] = [];
  if (factors[0]?.status === 'poor') warnings.push('Insufficient sleep duration');
  if (factors[1]?.status === 'poor') warnings.push('Elevated resting heart rate');
  const focusAreas: string[] = [];
  if (day.sleepEfficiency !== null && day.sleepEfficiency < 0.85) focusAreas.push('sleep quality');
  if (day.hrvRmssd !== null && day.hrvRmssd < 30) {
    focusAreas.push('stress management and recovery');
  }
  return { score, factors, warnings, focusAreas };
}
