export * from './api-keys.js';
export * from './athletes.js';
export * from './coach-links.js';
export * from './knowledge.js';
export * from './subscriptions.js';
export * from './usage.js';
