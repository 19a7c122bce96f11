import type { AcwrZone } from '../acwr.js';
import type { DayMetrics } from '../daily-metrics.js';
import { addDays, type IsoDate } from '../dates.js';
import { type AcwrFlags, describeAcwrFlags, worstAcwrZone } from '../training-load.js';
import {
  type BaselineStats,
  baselineOf,
  baselineWindowDays,
  mean,
  minimumBaselineDays,
  minimumRollingReadings,
  rollingWindowDays,
  zScore,
} from './baseline.js';
import type { FactorBaseline, ReadinessFactor } from './types.js';

// The factors of the baseline model, each worth a share of 100 points:
// HRV 35 · resting HR 25 · sleep duration 15 · sleep efficiency 10 · ACWR 15.
export const factorWeights = {
  hrv: 35,
  resting_hr: 25,
  sleep_duration: 15,
  sleep_efficiency: 10,
  acwr: 15,
} as const;

/**
 * A factor before the score is known: `contribution` is filled in by the model; `exact` is the
 * unrounded points the score is computed from (`points` is it rounded for display).
 */
export type ScoredFactor = Omit<ReadinessFactor, 'contribution'> & { readonly exact: number };

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

export function missingFactor(
  key: ScoredFactor['key'],
  label: string,
  unit: string,
  maxPoints: number,
  explanation: string,
): ScoredFactor {
  return {
    key,
    label,
    value: null,
    unit,
    baseline: null,
    points: 0,
    exact: 0,
    maxPoints,
    status: 'missing',
    explanation,
  };
}

export function scoredFactor(
  factor: Omit<ScoredFactor, 'points' | 'exact'>,
  exact: number,
): ScoredFactor {
  return { ...factor, points: round(exact, 1), exact };
}

const hrvConditions = [
  { field: 'hrvRmssd', name: 'overnight' },
  { field: 'hrvRmssdDaily', name: '24-hour average' },
] as const;

interface HrvSeries {
  readonly condition: string;
  readonly readings: { date: IsoDate; ln: number }[];
  readonly recent: number[];
  readonly baseline: BaselineStats | null;
}

function hrvSeries(
  window: readonly DayMetrics[],
  date: IsoDate,
  condition: (typeof hrvConditions)[number],
): HrvSeries {
  const readings = window.flatMap((day) => {
    const value = day[condition.field];
    return value !== null && value > 0 ? [{ date: day.date, ln: Math.log(value) }] : [];
  });
  const since = addDays(date, -(rollingWindowDays - 1));
  return {
    condition: condition.name,
    readings,
    recent: readings.filter((reading) => reading.date >= since).map((reading) => reading.ln),
    baseline: baselineOf(readings.map((reading) => reading.ln)),
  };
}

const usable = (series: HrvSeries) =>
  series.baseline !== null && series.recent.length >= minimumRollingReadings;

const ms = (ln: number) => round(Math.exp(ln), 1);

/**
 * HRV: the 7-day rolling mean of lnRMSSD (≥ 3 readings) against the 60-day baseline ± 0.5 SD
 * (≥ 7 readings; Plews et al. 2013, 2014), computed on the log scale and explained in ms. One
 * measurement condition only: overnight readings, else the wearable's 24-hour averages, never
 * a mix. Within or above the band scores full points; below it loses points linearly, reaching
 * 0 one SD under the band's lower edge.
 */
export function hrvFactor(window: readonly DayMetrics[], date: IsoDate) {
  const candidates = hrvConditions.map((condition) => hrvSeries(window, date, condition));
  const series = candidates.find(usable);
  const max = factorWeights.hrv;
  if (!series?.baseline) {
    const why =
      `HRV needs ${minimumBaselineDays} readings in ${baselineWindowDays} days and ` +
      `${minimumRollingReadings} in the last ${rollingWindowDays}, in one condition; ` +
      candidates
        .map((c) => `${c.condition}: ${c.readings.length} and ${c.recent.length}`)
        .join('; ') +
      '.';
    return {
      factor: missingFactor('hrv', 'HRV (RMSSD)', 'ms', max, why),
      belowBaseline: false,
    };
  }
  const { baseline, recent, condition } = series;
  const rolling = mean(recent);
  const below = rolling < baseline.lower;
  const exact = !below
    ? max
    : baseline.sd > 0
      ? max * clamp01(1 - (baseline.lower - rolling) / baseline.sd)
      : 0;
  const position = below ? 'below' : rolling > baseline.upper ? 'above' : 'within';
  const shown: FactorBaseline = {
    mean: ms(baseline.mean),
    sd: null,
    lower: ms(baseline.lower),
    upper: ms(baseline.upper),
    days: baseline.days,
  };
  const factor = scoredFactor(
    {
      key: 'hrv',
      label: 'HRV (RMSSD)',
      value: ms(rolling),
      unit: 'ms',
      baseline: shown,
      maxPoints: max,
      status: !below ? 'good' : exact >= max / 2 ? 'caution' : 'poor',
      explanation:
        `Your ${condition} HRV averaged ${ms(rolling)} ms over the last ${recent.length} ` +
        `readings, ${position} your usual range of ${shown.lower}–${shown.upper} ms ` +
        `(${baseline.days} readings in ${baselineWindowDays} days).` +
        (below ? ' Swap hard sessions for low intensity.' : ''),
    },
    exact,
  );
  return { factor, belowBaseline: below };
}

/** Resting HR: z-score against the 60-day baseline; full points up to z = 0, none at z = 2. */
export function restingHrFactor(window: readonly DayMetrics[], today: DayMetrics | undefined) {
  const max = factorWeights.resting_hr;
  const value = today?.restingHr ?? null;
  const readings = window.flatMap((day) =>
    day.restingHr !== null && day.restingHr > 0 ? [day.restingHr] : [],
  );
  const baseline = baselineOf(readings);
  if (value === null || value <= 0 || !baseline) {
    const why =
      value === null || value <= 0
        ? 'No resting HR today.'
        : `Resting HR baseline needs ${minimumBaselineDays} readings; ${readings.length} so far.`;
    return {
      factor: missingFactor('resting_hr', 'Resting heart rate', 'bpm', max, why),
      elevated: false,
    };
  }
  const z = zScore(value, baseline);
  const factor = scoredFactor(
    {
      key: 'resting_hr',
      label: 'Resting heart rate',
      value,
      unit: 'bpm',
      baseline: {
        mean: round(baseline.mean, 1),
        sd: round(baseline.sd, 2),
        lower: round(baseline.lower, 1),
        upper: round(baseline.upper, 1),
        days: baseline.days,
      },
      maxPoints: max,
      status: z <= 0.5 ? 'good' : z <= 1 ? 'caution' : 'poor',
      explanation: `${value} bpm is ${round(z, 2)} SD from your 60-day mean of ${round(baseline.mean, 1)} bpm${z > 1 ? ': more than +1 SD is a warning.' : '.'}`,
    },
    max * clamp01(1 - Math.max(0, z) / 2),
  );
  return { factor, elevated: z > 1 };
}

/** Sleep duration: 0 points at 5 h rising linearly to full points at 8 h; < 7 h is a warning. */
export function sleepDurationFactor(today: DayMetrics | undefined): ScoredFactor {
  const max = factorWeights.sleep_duration;
  const seconds = today?.sleepSeconds ?? null;
  if (seconds === null || seconds <= 0) {
    return missingFactor('sleep_duration', 'Sleep duration', 'h', max, 'No sleep data.');
  }
  const hours = seconds / 3600;
  return scoredFactor(
    {
      key: 'sleep_duration',
      label: 'Sleep duration',
      value: round(hours, 2),
      unit: 'h',
      baseline: null,
      maxPoints: max,
      status: hours >= 7 ? 'good' : hours >= 6 ? 'caution' : 'poor',
      explanation: `${round(hours, 1)} h asleep (full points from 8 h${hours < 7 ? '; under 7 h is a warning' : ''}).`,
    },
    max * clamp01((hours - 5) / 3),
  );
}

/** Sleep efficiency: 0 points at 70% rising linearly to full points at 90%. */
export function sleepEfficiencyFactor(today: DayMetrics | undefined): ScoredFactor {
  const max = factorWeights.sleep_efficiency;
  const efficiency = today?.sleepEfficiency ?? null;
  if (efficiency === null || efficiency <= 0) {
    return missingFactor('sleep_efficiency', 'Sleep efficiency', '%', max, 'No sleep efficiency.');
  }
  const percent = round(efficiency * 100, 1);
  return scoredFactor(
    {
      key: 'sleep_efficiency',
      label: 'Sleep efficiency',
      value: percent,
      unit: '%',
      baseline: null,
      maxPoints: max,
      status: efficiency >= 0.85 ? 'good' : efficiency >= 0.75 ? 'caution' : 'poor',
      explanation: `${percent}% of the time in bed asleep (full points from 90%, below 85% is worth working on).`,
    },
    max * clamp01((efficiency - 0.7) / 0.2),
  );
}

const acwrPoints: Record<AcwrZone, number> = {
  sweet_spot: 15,
  under_prepared: 12,
  caution: 7,
  danger: 0,
};

/**
 * Training load: the more worrying zone of the rolling and the EWMA ACWR scores (sweet spot
 * 15, under-prepared 12, caution 7, danger 0); both are named, since zones are flags.
 */
export function acwrFactor(flags: AcwrFlags | null): ScoredFactor {
  const max = factorWeights.acwr;
  const zone = worstAcwrZone(flags);
  if (!flags || zone === null) {
    return missingFactor(
      'acwr',
      'Training load (ACWR)',
      'ratio',
      max,
      'Needs 28 days of training log.',
    );
  }
  const worst = [flags.rolling, flags.ewma].find((flag) => flag?.zone === zone) ?? null;
  return scoredFactor(
    {
      key: 'acwr',
      label: 'Training load (ACWR)',
      value: worst?.ratio ?? null,
      unit: 'ratio',
      baseline: null,
      maxPoints: max,
      status: zone === 'sweet_spot' ? 'good' : zone === 'danger' ? 'poor' : 'caution',
      explanation: `ACWR ${describeAcwrFlags(flags)}; scored on the ${zone.replace('_', ' ')} zone.`,
    },
    acwrPoints[zone],
  );
}
