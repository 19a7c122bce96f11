export {
  type ChatCompletionsServer,
  type ChatRequestBody,
  type RecordedRequest,
  type ScriptedReply,
  startChatCompletionsServer,
  testAnswer,
} from './chat-completions-server.js';
