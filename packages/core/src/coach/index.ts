export {
  buildCoachBrief,
  type CoachBrief,
  type MoodTendency,
  mastersAge,
  type StatedSleep,
  sleepWarningHours,
  youthAge,
} from './brief.js';
export { composeBuiltinAnswer } from './builtin/compose.js';
export { type CoachIntent, coachIntents, recogniseIntent } from './intents.js';
export {
  type CoachLanguage,
  coachLanguages,
  detectLanguage,
  languageNames,
  recogniseLanguage,
} from './language.js';
export {
  buildMechanicsPrompt,
  type MechanicsAspect,
  type MechanicsContext,
  type MechanicsRating,
  mechanicsAspects,
  mechanicsRatings,
} from './mechanics-prompt.js';
export { buildChatMessages, buildSystemPrompt, type ChatMessage } from './prompt.js';
export {
  type ForbiddenWork,
  forbiddenWork,
  refersToDietitian,
  refersToMedical,
} from './safety/check.js';
export {
  detectSafety,
  type InjurySource,
  profileReportsInjury,
  reportsInjury,
  type SafetyFlags,
} from './safety/detect.js';
export { enforceSafety, meetsSafetyPolicy, needsCheckedStream } from './safety/enforce.js';
export { textChunks } from './text-chunks.js';
export { estimateTokens, selectHistory } from './tokens.js';
export {
  type CoachDailyFigures,
  type CoachSessionFigures,
  summarizeCoachTraining,
} from './training-context.js';
export type * from './types.js';
