export * from './client.js';
export * from './normalize.js';
export * from './signature.js';
