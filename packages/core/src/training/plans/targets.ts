import {
  type EstimatorDistance,
  estimateFromHundred,
  hundredFromTime,
  searchEndSeconds,
  searchStartSeconds,
} from '../estimators.js';
import type { PlanTargets, SprintEvent } from './types.js';

export type PersonalBests = Partial<Record<SprintEvent, number>>;

/** Targets from the first usable best, and a note on every best that could not be used. */
export interface TargetsResult {
  readonly targets: PlanTargets | null;
  /** Why a best gave no targets (outside the estimator table, no estimator), or null. */
  readonly note: string | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

type Equivalent = { hundred: number } | { problem: string };

/** The 100 m time a best is worth (Dick 1987 inverse), or why it has none. */
function hundredEquivalent(event: SprintEvent, seconds: number): Equivalent {
  const range = `${searchStartSeconds}–${searchEndSeconds} s over 100 m`;
  if (event === '400m') return { problem: `a 400m best has no estimator in the table` };
  if (event === '100m') {
    if (seconds < searchStartSeconds) {
      return {
        problem: `a 100m best of ${seconds} s is faster than the estimator table (${range})`,
      };
    }
    if (seconds > searchEndSeconds) {
      return {
        problem: `a 100m best of ${seconds} s is slower than the estimator table (${range})`,
      };
    }
    return { hundred: seconds };
  }
  const distance: EstimatorDistance = event;
  const hundred = hundredFromTime(distance, seconds, 'electronic');
  if (hundred !== undefined) return { hundred };
  const fastest = round2(estimateFromHundred(distance, searchStartSeconds, 'electronic'));
  const side = seconds < fastest ? 'faster' : 'slower';
  return {
    problem: `a ${event} best of ${seconds} s is ${side} than the estimator table covers (${range}; ${event} from ${fastest} s)`,
  };
}

/**
 * Race-equivalent targets from the best that has an estimator within its table's range: the
 * plan's own event first, then 100 m, 60 m and 200 m. Bests are electronic times; 30 m and
 * 60 m targets hand-timed. A best outside the table (faster than 9.9 s or slower than 20 s
 * over 100 m) is never extrapolated: the note says so.
 */
export function planTargets(event: SprintEvent, bests: PersonalBests): TargetsResult {
  const order: SprintEvent[] = [event, '100m', '60m', '200m'];
  const problems: string[] = [];
  for (const candidate of [...new Set(order)]) {
    const seconds = bests[candidate];
    if (seconds === undefined) continue;
    const equivalent = hundredEquivalent(candidate, seconds);
    if ('problem' in equivalent) {
      problems.push(equivalent.problem);
      continue;
    }
    const { hundred } = equivalent;
    return {
      targets: {
        basis: `${candidate} personal best ${seconds} s`,
        hundredMetres: round2(hundred),
        thirtyMetres: round2(estimateFromHundred('30m', hundred, 'hand')),
        sixtyMetres: round2(estimateFromHundred('60m', hundred, 'hand')),
        twoHundredMetres: round2(estimateFromHundred('200m', hundred, 'electronic')),
      },
      note: problems.length === 0 ? null : `Not used: ${problems.join('; ')}.`,
    };
  }
  return {
    targets: null,
    note:
      problems.length === 0
        ? null
        : `No target times: ${problems.join('; ')}. Targets need a 60m, 100m or 200m best within the table.`,
  };
}
