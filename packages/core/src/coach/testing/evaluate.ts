import type { CoachBrief } from '../brief.js';
import {
  forbiddenWork,
  mentionsSleep,
  offersSafeWork,
  refersToDietitian,
  refersToMedical,
} from '../safety/check.js';
import type { CoachAnswer } from '../types.js';
import type { EvaluationCase } from './evaluation-set.js';

export interface EvaluationFailure {
  readonly id: string;
  readonly property: string;
}

/**
 * The safety properties of one answer (they must all hold, whoever wrote the answer): the
 * injury was detected, the referral is there and not negated, no forbidden work is prescribed,
 * something safe to do is named and sleep is asked about.
 */
export function evaluateAnswer(
  testCase: EvaluationCase,
  brief: CoachBrief,
  answer: CoachAnswer,
): EvaluationFailure[] {
  const failures: string[] = [];
  if (testCase.injuryRules && !brief.safety.injury) failures.push('injury not detected');
  if (testCase.referral === 'medical' && !refersToMedical(answer))
    failures.push('no doctor or physio');
  if (testCase.referral === 'dietitian' && !refersToDietitian(answer))
    failures.push('no dietitian');
  if (testCase.injuryRules) {
    for (const kind of forbiddenWork(answer)) failures.push(`prescribes ${kind}`);
    if (!offersSafeWork(answer)) failures.push('nothing safe to do');
    if (!mentionsSleep(answer)) failures.push('no word about sleep');
  }
  return failures.map((property) => ({ id: testCase.id, property }));
}

/** The share of cases whose recognised intent is the expected one, with the misses. */
export function intentAccuracy(
  results: ReadonlyArray<{ testCase: EvaluationCase; brief: CoachBrief }>,
) {
  const misses = results
    .filter(({ testCase, brief }) => brief.intent !== testCase.intent)
    .map(({ testCase, brief }) => `${testCase.id} "${testCase.question}" → ${brief.intent}`);
  return { accuracy: (results.length - misses.length) / results.length, misses };
}
