import { type DayMetrics, hasReadinessInputs } from '../daily-metrics.js';
import { addDays, type IsoDate } from '../dates.js';
import { ariaOriginalScore } from './aria-original.js';
import { baselineWindowDays, minimumBaselineDays } from './baseline.js';
import {
  acwrFactor,
  hrvFactor,
  restingHrFactor,
  type ScoredFactor,
  sleepDurationFactor,
  sleepEfficiencyFactor,
} from './baseline-factors.js';
import {
  type AcwrInput,
  bandOf,
  type Readiness,
  type ReadinessFactor,
  recommendationFor,
  recommendationText,
} from './types.js';

export interface ReadinessInput {
  readonly date: IsoDate;
  /** Merged days of metrics; only the 60 days ending at `date` are read. */
  readonly days: readonly DayMetrics[];
  /** The EWMA ACWR as of `date`, or null before 28 days of training log. */
  readonly acwr: AcwrInput | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function heldBackBy(factors: readonly ReadinessFactor[]): string {
  const weak = factors
    .filter((factor) => factor.status === 'poor' || factor.status === 'caution')
    .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points))
    .map((factor) => factor.label);
  return weak.length === 0 ? '' : ` Held back by: ${weak.join(', ')}.`;
}

function focusAreasOf(today: DayMetrics): string[] {
  const areas: string[] = [];
  if (today.sleepEfficiency !== null && today.sleepEfficiency < 0.85) areas.push('sleep quality');
  if (today.hrvRmssd !== null && today.hrvRmssd < 30) areas.push('stress management and recovery');
  return areas;
}

function fallback(
  input: ReadinessInput,
  today: DayMetrics,
  historyDays: number,
  reason: string,
): Readiness {
  const original = ariaOriginalScore(today);
  const band = bandOf(original.score);
  const recommendation = recommendationFor(band);
  const danger = input.acwr?.zone === 'danger';
  return {
    date: input.date,
    model: 'aria_original',
    score: original.score,
    band,
    recommendation,
    lowIntensityAdvised: recommendation === 'recovery' || danger,
    summary: `${original.score}/100 (${band}): ${recommendationText[recommendation]}. ${reason}`,
    factors: original.factors,
    warnings: [...original.warnings, ...(danger ? ['ACWR in the danger zone (≥ 1.5)'] : [])],
    focusAreas: original.focusAreas,
    historyDays,
    fallbackReason: reason,
  };
}

function withContributions(factors: readonly ScoredFactor[], available: number): ReadinessFactor[] {
  return factors.map((factor) => ({
    ...factor,
    contribution: factor.status === 'missing' ? 0 : round1((factor.points * 100) / available),
  }));
}

/**
 * Training readiness for `date`, explained factor by factor. With 7 or more days of metrics in
 * the last 60 it scores lnRMSSD, resting HR, sleep and ACWR against the athlete's own baseline;
 * with fewer it falls back to the original Aria rule and says so. Null when `date` itself has
 * no recovery metrics.
 */
export function assessReadiness(input: ReadinessInput): Readiness | null {
  const from = addDays(input.date, -(baselineWindowDays - 1));
  const window = input.days.filter((day) => day.date >= from && day.date <= input.date);
  const today = window.find((day) => day.date === input.date);
  if (!today || !hasReadinessInputs(today)) return null;
  const historyDays = window.filter(hasReadinessInputs).length;
  if (historyDays < minimumBaselineDays) {
    return fallback(
      input,
      today,
      historyDays,
      `Original Aria rule: ${historyDays} of the ${minimumBaselineDays} days of history the baseline model needs.`,
    );
  }
  const hrv = hrvFactor(window, input.date);
  const restingHr = restingHrFactor(window, today);
  const scored = [
    hrv.factor,
    restingHr.factor,
    sleepDurationFactor(today),
    sleepEfficiencyFactor(today),
    acwrFactor(input.acwr),
  ];
  const available = scored
    .filter((factor) => factor.status !== 'missing')
    .reduce((sum, factor) => sum + factor.maxPoints, 0);
  if (available === 0) {
    return fallback(
      input,
      today,
      historyDays,
      'Original Aria rule: no baseline-model inputs today.',
    );
  }
  const score = Math.round(
    (scored.reduce((sum, factor) => sum + factor.points, 0) * 100) / available,
  );
  const factors = withContributions(scored, available);
  const band = bandOf(score);
  const danger = input.acwr?.zone === 'danger';
  const capped = band === 'high' && (hrv.belowBaseline || danger);
  const recommendation = capped ? 'moderate' : recommendationFor(band);
  const warnings = [
    ...(hrv.belowBaseline ? ['HRV below your baseline: swap hard sessions for low intensity'] : []),
    ...(restingHr.elevated ? ['Resting heart rate more than 1 SD above your baseline'] : []),
    ...(today.sleepSeconds !== null && today.sleepSeconds < 7 * 3600 ? ['Sleep under 7 h'] : []),
    ...(danger ? ['ACWR in the danger zone (≥ 1.5)'] : []),
  ];
  const cappedNote = capped ? ' Capped at moderate by the HRV or ACWR warning.' : '';
  return {
    date: input.date,
    model: 'hrv_baseline',
    score,
    band,
    recommendation,
    lowIntensityAdvised: recommendation === 'recovery' || hrv.belowBaseline || danger,
    summary: `${score}/100 (${band}): ${recommendationText[recommendation]}.${heldBackBy(factors)}${cappedNote}`,
    factors,
    warnings,
    focusAreas: focusAreasOf(today),
    historyDays,
    fallbackReason: null,
  };
}
