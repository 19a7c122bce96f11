export { type EvaluationFailure, evaluateAnswer, intentAccuracy } from './evaluate.js';
export { type EvaluationCase, evaluationSet } from './evaluation-set.js';
export { trackLitContextFixture } from './tracklit-context.js';
