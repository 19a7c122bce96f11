export * from './errors.js';
export * from './tiers.js';
