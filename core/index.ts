export * from './types.js';
export * from './errors.js';
export * from './config.js';
export * from './log.js';
export * from './ids.js';
