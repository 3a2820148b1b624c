export * from './names.js';
export * from './payloads.js';
export * from './processor.js';
export * from './connection.js';
export * from './bullmq.js';
export * from './runner.js';
