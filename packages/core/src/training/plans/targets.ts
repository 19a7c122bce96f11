import { estimateFromHundred, hundredFromTime } from '../estimators.js';
import type { PlanTargets, SprintEvent } from './types.js';

export type PersonalBests = Partial<Record<SprintEvent, number>>;

/** The 100 m time a best is worth (Dick 1987 inverse); undefined without an estimator (400 m). */
function hundredEquivalent(event: SprintEvent, seconds: number): number | undefined {
  if (event === '100m') return seconds;
  if (event === '60m') return hundredFromTime('60m', seconds, 'electronic');
  if (event === '200m') return hundredFromTime('200m', seconds, 'electronic');
  return undefined;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Race-equivalent targets from the best that has an estimator: the plan's own event first,
 * then 100 m, 60 m and 200 m. Bests are electronic times; 30 m and 60 m targets hand-timed.
 */
export function planTargets(event: SprintEvent, bests: PersonalBests): PlanTargets | null {
  const order: SprintEvent[] = [event, '100m', '60m', '200m'];
  for (const candidate of order) {
    const seconds = bests[candidate];
    if (seconds === undefined) continue;
    const hundred = hundredEquivalent(candidate, seconds);
    if (hundred === undefined) continue;
    return {
      basis: `${candidate} personal best ${seconds} s`,
      hundredMetres: round2(hundred),
      thirtyMetres: round2(estimateFromHundred('30m', hundred, 'hand')),
      sixtyMetres: round2(estimateFromHundred('60m', hundred, 'hand')),
      twoHundredMetres: round2(estimateFromHundred('200m', hundred, 'electronic')),
    };
  }
  return null;
}
