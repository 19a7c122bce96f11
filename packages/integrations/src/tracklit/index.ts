export * from './circuit-breaker.js';
export * from './context-client.js';
export { trackLitContextSchema } from './context-schema.js';
