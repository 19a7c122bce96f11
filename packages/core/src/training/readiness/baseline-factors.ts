import type { AcwrZone } from '../acwr.js';
import type { DayMetrics } from '../daily-metrics.js';
import { addDays, type IsoDate } from '../dates.js';
import { baselineOf, mean, rollingWindowDays, zScore } from './baseline.js';
import type { AcwrInput, FactorBaseline, ReadinessFactor } from './types.js';

// The factors of the baseline model, each worth a share of 100 points:
// HRV 35 · resting HR 25 · sleep duration 15 · sleep efficiency 10 · ACWR 15.
export const factorWeights = {
  hrv: 35,
  resting_hr: 25,
  sleep_duration: 15,
  sleep_efficiency: 10,
  acwr: 15,
} as const;

/** A factor before the score is known: `contribution` is filled in by the model. */
export type ScoredFactor = Omit<ReadinessFactor, 'contribution'>;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

function roundBaseline(baseline: FactorBaseline): FactorBaseline {
  return {
    mean: round(baseline.mean),
    sd: round(baseline.sd),
    lower: round(baseline.lower),
    upper: round(baseline.upper),
    days: baseline.days,
  };
}

function missingFactor(
  key: ScoredFactor['key'],
  label: string,
  unit: string,
  explanation: string,
): ScoredFactor {
  return {
    key,
    label,
    value: null,
    unit,
    baseline: null,
    points: 0,
    maxPoints: factorWeights[key as keyof typeof factorWeights],
    status: 'missing',
    explanation,
  };
}

/**
 * lnRMSSD: the 7-day rolling mean against the 60-day baseline ± 0.5 SD (Plews et al. 2013).
 * Within or above the band scores full points; below it loses points linearly, reaching 0 one
 * SD under the band's lower edge.
 */
export function hrvFactor(window: readonly DayMetrics[], date: IsoDate) {
  const readings = window.flatMap((day) =>
    day.hrvRmssd !== null && day.hrvRmssd > 0
      ? [{ date: day.date, ln: Math.log(day.hrvRmssd) }]
      : [],
  );
  const baseline = baselineOf(readings.map((reading) => reading.ln));
  const since = addDays(date, -(rollingWindowDays - 1));
  const recent = readings.filter((reading) => reading.date >= since).map((reading) => reading.ln);
  if (!baseline || recent.length === 0) {
    const why = !baseline
      ? `The HRV baseline needs 7 readings in 60 days; ${readings.length} so far.`
      : 'No HRV reading in the last 7 days.';
    return { factor: missingFactor('hrv', 'HRV (lnRMSSD)', 'ln(ms)', why), belowBaseline: false };
  }
  const rolling = mean(recent);
  const max = factorWeights.hrv;
  const below = rolling < baseline.lower;
  const points = !below
    ? max
    : baseline.sd > 0
      ? max * clamp01(1 - (baseline.lower - rolling) / baseline.sd)
      : 0;
  const position = below ? 'below' : rolling > baseline.upper ? 'above' : 'within';
  const factor: ScoredFactor = {
    key: 'hrv',
    label: 'HRV (lnRMSSD)',
    value: round(rolling),
    unit: 'ln(ms)',
    baseline: roundBaseline(baseline),
    points: round(points, 1),
    maxPoints: max,
    status: !below ? 'good' : points >= max / 2 ? 'caution' : 'poor',
    explanation:
      `7-day mean ${round(rolling)} is ${position} your 60-day baseline ` +
      `${round(baseline.lower)}–${round(baseline.upper)} (mean ± 0.5 SD).` +
      (below ? ' Swap hard sessions for low intensity.' : ''),
  };
  return { factor, belowBaseline: below };
}

/** Resting HR: z-score against the 60-day baseline; full points up to z = 0, none at z = 2. */
export function restingHrFactor(window: readonly DayMetrics[], today: DayMetrics | undefined) {
  const value = today?.restingHr ?? null;
  const readings = window.flatMap((day) => (day.restingHr !== null ? [day.restingHr] : []));
  const baseline = baselineOf(readings);
  if (value === null || !baseline) {
    const why = value === null ? 'No resting HR today.' : 'Resting HR baseline needs 7 readings.';
    return {
      factor: missingFactor('resting_hr', 'Resting heart rate', 'bpm', why),
      elevated: false,
    };
  }
  const z = zScore(value, baseline);
  const max = factorWeights.resting_hr;
  const points = max * clamp01(1 - Math.max(0, z) / 2);
  const factor: ScoredFactor = {
    key: 'resting_hr',
    label: 'Resting heart rate',
    value,
    unit: 'bpm',
    baseline: roundBaseline(baseline),
    points: round(points, 1),
    maxPoints: max,
    status: z <= 0.5 ? 'good' : z <= 1 ? 'caution' : 'poor',
    explanation: `${value} bpm is ${round(z, 2)} SD from your 60-day mean of ${round(baseline.mean, 1)} bpm${z > 1 ? ': more than +1 SD is a warning.' : '.'}`,
  };
  return { factor, elevated: z > 1 };
}

/** Sleep duration: 0 points at 5 h rising linearly to full points at 8 h; < 7 h is a warning. */
export function sleepDurationFactor(today: DayMetrics | undefined): ScoredFactor {
  const seconds = today?.sleepSeconds ?? null;
  if (seconds === null)
    return missingFactor('sleep_duration', 'Sleep duration', 'h', 'No sleep data.');
  const hours = seconds / 3600;
  const max = factorWeights.sleep_duration;
  return {
    key: 'sleep_duration',
    label: 'Sleep duration',
    value: round(hours, 2),
    unit: 'h',
    baseline: null,
    points: round(max * clamp01((hours - 5) / 3), 1),
    maxPoints: max,
    status: hours >= 7 ? 'good' : hours >= 6 ? 'caution' : 'poor',
    explanation: `${round(hours, 1)} h asleep (full points from 8 h${hours < 7 ? '; under 7 h is a warning' : ''}).`,
  };
}

/** Sleep efficiency: 0 points at 70% rising linearly to full points at 90%. */
export function sleepEfficiencyFactor(today: DayMetrics | undefined): ScoredFactor {
  const efficiency = today?.sleepEfficiency ?? null;
  if (efficiency === null) {
    return missingFactor('sleep_efficiency', 'Sleep efficiency', '%', 'No sleep efficiency.');
  }
  const max = factorWeights.sleep_efficiency;
  const percent = round(efficiency * 100, 1);
  return {
    key: 'sleep_efficiency',
    label: 'Sleep efficiency',
    value: percent,
    unit: '%',
    baseline: null,
    points: round(max * clamp01((efficiency - 0.7) / 0.2), 1),
    maxPoints: max,
    status: efficiency >= 0.85 ? 'good' : efficiency >= 0.75 ? 'caution' : 'poor',
    explanation: `${percent}% of the time in bed asleep (full points from 90%, below 85% is worth working on).`,
  };
}

const acwrPoints: Record<AcwrZone, number> = {
  sweet_spot: 15,
  under_prepared: 12,
  caution: 7,
  danger: 0,
};

/** ACWR zone: sweet spot 15, under-prepared 12, caution 7, danger 0 (zones are flags). */
export function acwrFactor(acwr: AcwrInput | null): ScoredFactor {
  if (!acwr) {
    return missingFactor('acwr', 'Training load (ACWR)', 'ratio', 'Needs 28 days of training log.');
  }
  return {
    key: 'acwr',
    label: 'Training load (ACWR)',
    value: acwr.ratio,
    unit: 'ratio',
    baseline: null,
    points: acwrPoints[acwr.zone],
    maxPoints: factorWeights.acwr,
    status: acwr.zone === 'sweet_spot' ? 'good' : acwr.zone === 'danger' ? 'poor' : 'caution',
    explanation: `EWMA ACWR ${acwr.ratio} is in the ${acwr.zone.replace('_', ' ')} zone.`,
  };
}
