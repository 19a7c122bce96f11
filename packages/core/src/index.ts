export * from './coach/index.js';
export * from './errors.js';
export * from './tiers.js';
export * from './training/index.js';
