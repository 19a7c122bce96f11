export {
  type ChatCompletionsServer,
  type ChatRequestBody,
  type RecordedRequest,
  type ScriptedReply,
  startChatCompletionsServer,
  testAnswer,
  testMechanicsAnalysis,
} from './chat-completions-server.js';
export { unreferredAnswer, unsafeInjuryAnswers } from './unsafe-answers.js';
