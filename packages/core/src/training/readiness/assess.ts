import { type DayMetrics, hasReadinessInputs } from '../daily-metrics.js';
import { addDays, type IsoDate } from '../dates.js';
import { type AcwrFlags, describeAcwrFlags, methodsIn } from '../training-load.js';
import { ariaOriginalFactors, focusAreasOf } from './aria-original.js';
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
  bandOf,
  displayedScore,
  lowerBand,
  type Readiness,
  type ReadinessBand,
  type ReadinessCoverage,
  type ReadinessFactor,
  type ReadinessModel,
  recommendationFor,
  recommendationText,
} from './types.js';

export interface ReadinessInput {
  readonly date: IsoDate;
  /** Merged days of metrics; only the 60 days ending at `date` are read. */
  readonly days: readonly DayMetrics[];
  /** The rolling and EWMA ACWR as of `date`, or null before 28 days of training log. */
  readonly acwr: AcwrFlags | null;
}

/** Both models are worth 100 points; fewer than half of them measured is too little data. */
export const possiblePoints = 100;
export const requiredPoints = 50;

const round1 = (value: number) => Math.round(value * 10) / 10;

interface ModelRun {
  readonly model: ReadinessModel;
  readonly factors: ScoredFactor[];
  readonly warnings: string[];
  /** A reason that lowers today's band, with the band it allows at most. */
  readonly limits: { band: ReadinessBand; reason: string }[];
  readonly fallbackReason: string | null;
}

const emptyDay = (date: IsoDate): DayMetrics => ({
  date,
  hrvRmssd: null,
  hrvRmssdDaily: null,
  restingHr: null,
  sleepSeconds: null,
  sleepEfficiency: null,
  recoveryScore: null,
  steps: null,
  strain: null,
  sources: [],
});

function loadLimits(acwr: AcwrFlags | null) {
  if (!acwr) return { warnings: [], limits: [] };
  const danger = methodsIn(acwr, 'danger');
  const caution = methodsIn(acwr, 'caution');
  const flags = describeAcwrFlags(acwr);
  if (danger.length > 0) {
    const reason = `ACWR in the danger zone (≥ 1.5; ${flags})`;
    return { warnings: [reason], limits: [{ band: 'low' as const, reason }] };
  }
  if (caution.length > 0) {
    const reason = `ACWR in the caution zone (1.3–1.5; ${flags})`;
    return { warnings: [reason], limits: [{ band: 'moderate' as const, reason }] };
  }
  return { warnings: [], limits: [] };
}

function baselineRun(input: ReadinessInput, window: DayMetrics[], today: DayMetrics): ModelRun {
  const hrv = hrvFactor(window, input.date);
  const restingHr = restingHrFactor(window, today);
  const load = loadLimits(input.acwr);
  const shortSleep = today.sleepSeconds !== null && today.sleepSeconds < 7 * 3600;
  const hrvReason = 'HRV below your baseline: swap hard sessions for low intensity';
  return {
    model: 'hrv_baseline',
    factors: [
      hrv.factor,
      restingHr.factor,
      sleepDurationFactor(today),
      sleepEfficiencyFactor(today),
      acwrFactor(input.acwr),
    ],
    warnings: [
      ...(hrv.belowBaseline ? [hrvReason] : []),
      ...(restingHr.elevated ? ['Resting heart rate more than 1 SD above your baseline'] : []),
      ...(shortSleep ? ['Sleep under 7 h'] : []),
      ...load.warnings,
    ],
    limits: [
      ...(hrv.belowBaseline ? [{ band: 'low' as const, reason: hrvReason }] : []),
      ...load.limits,
    ],
    fallbackReason: null,
  };
}

function originalRun(input: ReadinessInput, today: DayMetrics, reason: string): ModelRun {
  const original = ariaOriginalFactors(today);
  const load = loadLimits(input.acwr);
  return {
    model: 'aria_original',
    factors: original.factors,
    warnings: [...original.warnings, ...load.warnings],
    limits: load.limits,
    fallbackReason: reason,
  };
}

const measuredPoints = (run: ModelRun) =>
  run.factors
    .filter((factor) => factor.status !== 'missing')
    .reduce((sum, factor) => sum + factor.maxPoints, 0);

function heldBackBy(factors: readonly ReadinessFactor[]): string {
  const weak = factors
    .filter((factor) => factor.status === 'poor' || factor.status === 'caution')
    .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points))
    .map((factor) => factor.label);
  return weak.length === 0 ? '' : ` Held back by: ${weak.join(', ')}.`;
}

function toFactors(factors: readonly ScoredFactor[], measured: number): ReadinessFactor[] {
  return factors.map(({ exact, ...factor }) => ({
    ...factor,
    contribution: factor.status === 'missing' ? 0 : round1((exact * possiblePoints) / measured),
  }));
}

function missingOf(run: ModelRun, historyDays: number): string[] {
  const labels = run.factors
    .filter((factor) => factor.status === 'missing')
    .map((factor) => factor.label);
  const history =
    historyDays < minimumBaselineDays
      ? [
          `history: ${historyDays} of the ${minimumBaselineDays} days the baseline model (HRV and resting HR against your own 60 days) needs`,
        ]
      : [];
  return [...labels, ...history];
}

function coverageNote(run: ModelRun, measured: number): string {
  if (measured >= possiblePoints) return '';
  const present = run.factors
    .filter((factor) => factor.status !== 'missing')
    .map((factor) => factor.label);
  return ` Scaled to 100 from the ${measured} points measured (${present.join(', ')}).`;
}

function insufficient(
  input: ReadinessInput,
  run: ModelRun,
  today: DayMetrics,
  historyDays: number,
): Readiness {
  const measured = measuredPoints(run);
  const missing = missingOf(run, historyDays);
  return {
    date: input.date,
    status: 'insufficient_data',
    model: run.model,
    score: null,
    band: null,
    recommendation: null,
    lowIntensityAdvised: false,
    adjustment: null,
    summary:
      `Insufficient data for ${input.date}: ${measured} of the ${requiredPoints} points ` +
      `readiness needs were measured. Missing: ${missing.join('; ')}. ` +
      'Nothing is charged, and your session stands as planned.',
    factors: toFactors(run.factors, Math.max(measured, 1)),
    missing,
    coverage: { measuredPoints: measured, possiblePoints, requiredPoints },
    warnings: run.warnings,
    focusAreas: focusAreasOf(today),
    historyDays,
    fallbackReason: run.fallbackReason,
  };
}

function scored(
  input: ReadinessInput,
  run: ModelRun,
  today: DayMetrics,
  historyDays: number,
): Readiness {
  const measured = measuredPoints(run);
  const exact = (run.factors.reduce((sum, f) => sum + f.exact, 0) * possiblePoints) / measured;
  const scoreBand = bandOf(exact);
  const band = run.limits.reduce((level, limit) => lowerBand(level, limit.band), scoreBand);
  const lowering = run.limits.filter((limit) => lowerBand(limit.band, scoreBand) !== scoreBand);
  const adjustment =
    band === scoreBand
      ? null
      : `The score alone is ${scoreBand}; ${lowering.map((limit) => limit.reason).join('; ')}.`;
  const recommendation = recommendationFor(band);
  const score = displayedScore(exact);
  const factors = toFactors(run.factors, measured);
  const coverage: ReadinessCoverage = { measuredPoints: measured, possiblePoints, requiredPoints };
  const fallback = run.fallbackReason ? ` ${run.fallbackReason}` : '';
  return {
    date: input.date,
    status: 'scored',
    model: run.model,
    score,
    band,
    recommendation,
    lowIntensityAdvised: recommendation === 'recovery',
    adjustment,
    summary:
      `${score}/100, ${band}: ${recommendationText[recommendation]}.` +
      (adjustment ? ` ${adjustment}` : '') +
      coverageNote(run, measured) +
      heldBackBy(factors) +
      fallback,
    factors,
    missing: missingOf(run, historyDays),
    coverage,
    warnings: run.warnings,
    focusAreas: focusAreasOf(today),
    historyDays,
    fallbackReason: run.fallbackReason,
  };
}

/**
 * Training readiness for `date`, explained factor by factor. With 7 or more days of metrics in
 * the last 60 it scores HRV, resting HR, sleep and the ACWR against the athlete's own
 * baseline; otherwise (or when that model cannot measure half its points) it uses the
 * original Aria rule and says so. Either model scales its score to the factors measured; with
 * fewer than 50 of 100 points measured the answer is "insufficient data", naming what is
 * missing. The band is on the unrounded score, then lowered by HRV below baseline or an ACWR
 * flag, and the recommendation always follows the band.
 */
export function assessReadiness(input: ReadinessInput): Readiness {
  const from = addDays(input.date, -(baselineWindowDays - 1));
  const window = input.days.filter((day) => day.date >= from && day.date <= input.date);
  const today = window.find((day) => day.date === input.date) ?? emptyDay(input.date);
  const historyDays = window.filter(hasReadinessInputs).length;
  let fallbackReason = `Original Aria rule: ${historyDays} of the ${minimumBaselineDays} days of history the baseline model needs.`;
  if (historyDays >= minimumBaselineDays) {
    const baseline = baselineRun(input, window, today);
    if (measuredPoints(baseline) >= requiredPoints) {
      return scored(input, baseline, today, historyDays);
    }
    fallbackReason = `Original Aria rule: the baseline model measured only ${measuredPoints(baseline)} of its points today.`;
    const original = originalRun(input, today, fallbackReason);
    return measuredPoints(original) >= requiredPoints
      ? scored(input, original, today, historyDays)
      : insufficient(input, baseline, today, historyDays);
  }
  const original = originalRun(input, today, fallbackReason);
  return measuredPoints(original) >= requiredPoints
    ? scored(input, original, today, historyDays)
    : insufficient(input, original, today, historyDays);
}
