import type { MetricValues } from '../daily-metrics.js';
import { missingFactor, type ScoredFactor, scoredFactor } from './baseline-factors.js';

// The original Aria service's `_calculate_training_insights` (Tracklit/Aria, FastAPI):
// sleep ≥ 7.5 h → 40, ≥ 6.5 h → 30, else 15; resting HR ≤ 60 → 30, ≤ 70 → 20, else 10;
// plus the wearable's recovery score × 0.3; a missing (or zero) input adds nothing. Sleep
// hours are the seconds ÷ 3600 rounded to 2 decimals before the thresholds, as it did.

export interface AriaOriginalScore {
  readonly factors: ScoredFactor[];
  readonly warnings: string[];
  readonly focusAreas: string[];
}

/** Hours of sleep as the original compared them: `round(seconds / 3600, 2)`. */
export function originalSleepHours(sleepSeconds: number): number {
  return Number((sleepSeconds / 3600).toFixed(2));
}

function sleepFactor(sleepSeconds: number | null): ScoredFactor {
  if (sleepSeconds === null || sleepSeconds <= 0) {
    return missingFactor('sleep_duration', 'Sleep duration', 'h', 40, 'No sleep data.');
  }
  const hours = originalSleepHours(sleepSeconds);
  const points = hours >= 7.5 ? 40 : hours >= 6.5 ? 30 : 15;
  return scoredFactor(
    {
      key: 'sleep_duration',
      label: 'Sleep duration',
      value: hours,
      unit: 'h',
      baseline: null,
      maxPoints: 40,
      status: points === 40 ? 'good' : points === 30 ? 'caution' : 'poor',
      explanation: `${hours} h: ≥ 7.5 h scores 40, ≥ 6.5 h 30, less 15.`,
    },
    points,
  );
}

function restingHrFactor(restingHr: number | null): ScoredFactor {
  if (restingHr === null || restingHr <= 0) {
    return missingFactor('resting_hr', 'Resting heart rate', 'bpm', 30, 'No resting HR today.');
  }
  const points = restingHr <= 60 ? 30 : restingHr <= 70 ? 20 : 10;
  return scoredFactor(
    {
      key: 'resting_hr',
      label: 'Resting heart rate',
      value: restingHr,
      unit: 'bpm',
      baseline: null,
      maxPoints: 30,
      status: points === 30 ? 'good' : points === 20 ? 'caution' : 'poor',
      explanation: `${restingHr} bpm: ≤ 60 scores 30, ≤ 70 20, higher 10.`,
    },
    points,
  );
}

function recoveryFactor(recoveryScore: number | null): ScoredFactor {
  if (recoveryScore === null || recoveryScore <= 0) {
    return missingFactor(
      'recovery_score',
      'Wearable recovery score',
      '%',
      30,
      'No recovery score from a wearable.',
    );
  }
  const exact = recoveryScore * 0.3;
  return scoredFactor(
    {
      key: 'recovery_score',
      label: 'Wearable recovery score',
      value: recoveryScore,
      unit: '%',
      baseline: null,
      maxPoints: 30,
      status: recoveryScore >= 67 ? 'good' : recoveryScore >= 34 ? 'caution' : 'poor',
      explanation: `${recoveryScore} × 0.3 = ${Math.round(exact * 10) / 10} points.`,
    },
    exact,
  );
}

/** Worked example: 8 h sleep, RHR 55, recovery 80 → 40 + 30 + 24 = 94 of 100. */
export function ariaOriginalFactors(day: MetricValues): AriaOriginalScore {
  const factors = [
    sleepFactor(day.sleepSeconds),
    restingHrFactor(day.restingHr),
    recoveryFactor(day.recoveryScore),
  ];
  const warnings: string[] = [];
  if (factors[0]?.status === 'poor') warnings.push('Insufficient sleep duration');
  if (factors[1]?.status === 'poor') warnings.push('Elevated resting heart rate');
  return { factors, warnings, focusAreas: focusAreasOf(day) };
}

/** Sleep efficiency < 85% → sleep quality; overnight RMSSD < 30 ms → stress management. */
export function focusAreasOf(day: MetricValues): string[] {
  const areas: string[] = [];
  if (day.sleepEfficiency !== null && day.sleepEfficiency > 0 && day.sleepEfficiency < 0.85) {
    areas.push('sleep quality');
  }
  if (day.hrvRmssd !== null && day.hrvRmssd > 0 && day.hrvRmssd < 30) {
    areas.push('stress management and recovery');
  }
  return areas;
}
