/** Plews et al. 2013: the smallest worthwhile change is half a standard deviation. */
export const smallestWorthwhileChangeSd = 0.5;
/** Days of the baseline window (HRV4Training; Plews et al. 2013). */
export const baselineWindowDays = 60;
/** Days of the rolling mean compared with the baseline. */
export const rollingWindowDays = 7;
/** Fewer readings than this and there is no baseline to speak of. */
export const minimumBaselineDays = 7;
/**
 * Valid readings the 7-day rolling mean needs (Plews et al. 2014: three days a week suffice,
 * fewer do not).
 */
export const minimumRollingReadings = 3;

/** Mean, sample SD and the smallest-worthwhile-change band of a series of readings. */
export interface BaselineStats {
  readonly mean: number;
  readonly sd: number;
  readonly lower: number;
  readonly upper: number;
  readonly days: number;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const average = mean(values);
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/** Mean ± 0.5 SD of the readings, or null with fewer than `minimumBaselineDays` of them. */
export function baselineOf(values: readonly number[]): BaselineStats | null {
  if (values.length < minimumBaselineDays) return null;
  const average = mean(values);
  const sd = sampleSd(values);
  return {
    mean: average,
    sd,
    lower: average - smallestWorthwhileChangeSd * sd,
    upper: average + smallestWorthwhileChangeSd * sd,
    days: values.length,
  };
}

/** How many SDs `value` lies above the baseline mean (0 when the readings never varied). */
export function zScore(value: number, baseline: BaselineStats): number {
  if (baseline.sd === 0) return value === baseline.mean ? 0 : Math.sign(value - baseline.mean) * 3;
  return (value - baseline.mean) / baseline.sd;
}
