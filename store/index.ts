export * from './lead-store.js';
export * from './merge.js';
export { SqliteStore } from './sqlite-store.js';
export { openStore } from './open.js';
