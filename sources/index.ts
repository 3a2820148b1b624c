export { canonicalizeUrl, hostOf, normalizePercentEncoding } from './url.js';
export * from './dedup/index.js';
export * from './article/index.js';
