/**
 * Sprint-time equivalents from a 100 m time (Dick 1987, as in TrackLit's sprint predictor):
 * t_d = a + b·x + c·x², x = 100 m time in seconds. Up to 90 m the times are hand-timed
 * (add 0.24 s for electronic); 100 m and 200 m are electronic.
 */
export const estimatorDistances = ['30m', '60m', '200m'] as const;
export type EstimatorDistance = (typeof estimatorDistances)[number];

export interface QuadraticCoefficients {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const dickCoefficients: Readonly<Record<EstimatorDistance, QuadraticCoefficients>> = {
  '30m': { a: -2.232894, b: 0.6284907, c: -0.005192 },
  '60m': { a: -5.036141, b: 1.4909718, c: -0.037205 },
  '200m': { a: -6.038257, b: 2.991126, c: -0.039017 },
};

/** Hand-timed to electronic, for the distances up to 90 m. */
export const handToElectronicSeconds = 0.24;

export type Timing = 'hand' | 'electronic';

/** Whether the estimate for a distance is hand-timed as Dick published it. */
export function publishedTiming(distance: EstimatorDistance): Timing {
  return distance === '200m' ? 'electronic' : 'hand';
}

/** The time over `distance` equivalent to a 100 m time of `hundredMetres` seconds. */
export function estimateFromHundred(
  distance: EstimatorDistance,
  hundredMetres: number,
  timing: Timing = publishedTiming(distance),
): number {
  const { a, b, c } = dickCoefficients[distance];
  const published = a + b * hundredMetres + c * hundredMetres ** 2;
  return timing === publishedTiming(distance)
    ? published
    : published + (timing === 'electronic' ? handToElectronicSeconds : -handToElectronicSeconds);
}

/** Where the inverse search starts and the fastest 100 m it will answer. */
export const searchStartSeconds = 9.9;
export const searchEndSeconds = 20;
const stepMilliseconds = 1;

/**
 * The 100 m time equivalent to `time` over `distance`, as TrackLit searches it: x upward from
 * 9.9 s in 0.001 s steps until the estimate reaches `time`. Undefined when the time is outside
 * 9.9–20 s equivalents (faster than the search start, or too slow to be a sprint).
 */
export function hundredFromTime(
  distance: EstimatorDistance,
  time: number,
  timing: Timing = publishedTiming(distance),
): number | undefined {
  const start = Math.round(searchStartSeconds * 1000);
  const end = Math.round(searchEndSeconds * 1000);
  if (estimateFromHundred(distance, start / 1000, timing) > time) return undefined;
  for (let ms = start; ms <= end; ms += stepMilliseconds) {
    if (estimateFromHundred(distance, ms / 1000, timing) >= time) return ms / 1000;
  }
  return undefined;
}
