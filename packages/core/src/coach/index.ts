export {
  buildCoachBrief,
  type CoachBrief,
  type MoodTendency,
  mastersAge,
  sleepWarningHours,
} from './brief.js';
export { composeBuiltinAnswer } from './builtin/compose.js';
export { hasPhrases } from './builtin/language-phrases.js';
export { detectInjuries, type FlaggedInjury, flaggedInjuries } from './injuries.js';
export { type CoachLanguage, coachLanguages, detectLanguage, languageNames } from './language.js';
export { buildChatMessages, buildSystemPrompt, type ChatMessage } from './prompt.js';
export { enforceSafety, textChunks } from './safety.js';
export { estimateTokens, selectHistory } from './tokens.js';
export { type CoachTopic, coachTopics, detectTopics } from './topics.js';
export {
  type CoachDailyFigures,
  type CoachSessionFigures,
  summarizeCoachTraining,
} from './training-context.js';
export type * from './types.js';
