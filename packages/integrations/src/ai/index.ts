export { answerJsonSchema, modelAnswerSchema, parseModelAnswer } from './answer-schema.js';
export { builtinModel, createBuiltinProvider } from './builtin-provider.js';
export { createAiProvider } from './create.js';
export { withFallback } from './fallback.js';
export { AnswerFieldExtractor, type FieldDelta } from './json-fields.js';
export {
  type MechanicsAnalysis,
  type MechanicsFinding,
  mechanicsAnalysisSchema,
  mechanicsJsonSchema,
  parseMechanicsAnalysis,
} from './mechanics-schema.js';
export { createOpenAiProvider, type OpenAiProviderOptions } from './openai-provider.js';
export { withSafetyPolicy } from './safety-provider.js';
export {
  type AiImage,
  type AiProvider,
  type AiProviderName,
  type AiReply,
  type AiRequest,
  type AiStreamEvent,
  type AnswerField,
  type ImageMediaType,
  imageMediaTypes,
  type MechanicsReply,
  type MechanicsRequest,
} from './types.js';
