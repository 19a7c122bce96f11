import type { CoachBrief } from './brief.js';
import { phrasesFor } from './builtin/language-phrases.js';
import type { CoachAnswer } from './types.js';

/** Words that show an answer already sends the athlete to a medical professional. */
const medicalAdvice =
  /doctor|physio|medical|physician|médic|fisioterap|médecin|kiné|arzt|ärzt|physiotherap|medic[oa]/iu;

/**
 * Rules that hold whatever the provider wrote: a flagged injury (hamstring, Achilles, shin
 * splints, plantar fasciitis, hip flexor) always gets the advice to see a medical
 * professional; when the answer lacks it, it is added to the recommendation.
 */
export function enforceSafety(answer: CoachAnswer, brief: CoachBrief): CoachAnswer {
  if (brief.injuries.length === 0 || medicalAdvice.test(answer.recommendation)) return answer;
  const p = phrasesFor(brief.language);
  const advice = p.medical(p.list(brief.injuries.map((injury) => p.injuryNames[injury])));
  return { ...answer, recommendation: `${answer.recommendation.trimEnd()} ${advice}`.trim() };
}

/** The answer as text chunks of a few words (the built-in coach's "stream"). */
export function textChunks(text: string, wordsPerChunk = 4): string[] {
  const words = text.split(/(?<=\s)/u);
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk) {
    chunks.push(words.slice(index, index + wordsPerChunk).join(''));
  }
  return chunks;
}
