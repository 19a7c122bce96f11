export * from './events.js';
export * from './signature.js';
export * from './verify-aria-webhook.js';
