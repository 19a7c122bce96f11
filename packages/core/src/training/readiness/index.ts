export * from './aria-original.js';
export * from './assess.js';
export * from './baseline.js';
export * from './baseline-factors.js';
export * from './types.js';
