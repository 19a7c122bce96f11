import type { CoachBrief } from '../brief.js';
import { safetyPhrasesFor, sleepLine } from '../builtin/safety-phrases.js';
import type { CoachAnswer } from '../types.js';
import {
  dismissesPain,
  forbiddenWork,
  mentionsSleep,
  offersSafeWork,
  refersToDietitian,
  refersToMedical,
  talksOutOfReferral,
} from './check.js';

// \u201D: a closing quotation mark (escaped: the bundle's source stays one byte a character).
const sentencePattern = /[^.!?\n]+(?:[.!?]+["\u201D»)]*|\n|$)/gu;

/** The text without sentences that prescribe forbidden work, play pain down or talk care down. */
function withoutUnsafeSentences(text: string): string {
  const kept = (text.match(sentencePattern) ?? [])
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .filter((sentence) => {
      const alone = { analysis: sentence, recommendation: '', bibliography: [] };
      return (
        forbiddenWork(alone).length === 0 &&
        !talksOutOfReferral(sentence) &&
        !dismissesPain(sentence)
      );
    });
  return kept.join(' ');
}

function repairForInjury(answer: CoachAnswer, brief: CoachBrief): CoachAnswer {
  const s = safetyPhrasesFor(brief.language);
  const analysis = withoutUnsafeSentences(answer.analysis);
  const recommendation = withoutUnsafeSentences(answer.recommendation);
  const removed =
    analysis !== answer.analysis.trim() || recommendation !== answer.recommendation.trim();
  const kept = { ...answer, analysis, recommendation };
  const missing = [
    ...(refersToMedical(kept) ? [] : [s.referral]),
    ...(removed ? [s.restriction] : []),
    ...(removed || !offersSafeWork(kept) ? [s.safeWork] : []),
    ...(mentionsSleep(kept) ? [] : [sleepLine(s, brief.statedSleep)]),
  ];
  if (missing.length === 0) return answer;
  const source = brief.safety.injurySources[0] ?? 'question';
  return {
    ...answer,
    analysis: analysis === '' ? s.injuryAnalysis[source] : analysis,
    recommendation:
      recommendation === ''
        ? [s.referral, s.restriction, s.safeWork, sleepLine(s, brief.statedSleep)].join(' ')
        : [recommendation, ...missing].join(' '),
  };
}

function append(answer: CoachAnswer, sentence: string): CoachAnswer {
  return { ...answer, recommendation: `${answer.recommendation.trimEnd()} ${sentence}`.trim() };
}

/**
 * The safety policy applied to any provider's answer. With pain or an injury reported:
 * sentences that prescribe high-speed running, block starts, plyometrics, loaded sprints or
 * running repetitions, play the pain down or talk the athlete out of seeing someone are
 * removed; what is missing of the referral, the restriction, the safe alternatives and the
 * sleep question is added (the whole recommendation is replaced when nothing safe is left). Medical questions get a doctor, nutrition and
 * supplement questions a registered dietitian. A safe answer comes back unchanged.
 */
export function enforceSafety(answer: CoachAnswer, brief: CoachBrief): CoachAnswer {
  const s = safetyPhrasesFor(brief.language);
  let result = brief.safety.injury ? repairForInjury(answer, brief) : answer;
  if (brief.safety.medical && !refersToMedical(result)) result = append(result, s.medicalAdvice);
  const food = brief.safety.nutrition || brief.safety.supplements;
  if (food && !refersToDietitian(result)) result = append(result, s.dietitianReferral);
  return result;
}

/** Whether an answer already meets the policy (what `enforceSafety` would leave alone). */
export function meetsSafetyPolicy(answer: CoachAnswer, brief: CoachBrief): boolean {
  if (
    brief.safety.injury &&
    (!refersToMedical(answer) ||
      forbiddenWork(answer).length > 0 ||
      !offersSafeWork(answer) ||
      !mentionsSleep(answer))
  ) {
    return false;
  }
  if (brief.safety.medical && !refersToMedical(answer)) return false;
  return !((brief.safety.nutrition || brief.safety.supplements) && !refersToDietitian(answer));
}

/** Whether the question must stream only checked text. */
export function needsCheckedStream(brief: CoachBrief): boolean {
  const { safety } = brief;
  return safety.injury || safety.medical || safety.nutrition || safety.supplements;
}
