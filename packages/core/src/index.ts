export * from './coach/index.js';
export { type DegradedUse, degradedUses } from './degraded-uses.js';
export * from './errors.js';
export * from './tiers.js';
export * from './tracklit/context.js';
export * from './tracklit/skip-reasons.js';
export * from './training/index.js';
