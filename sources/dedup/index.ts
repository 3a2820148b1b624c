export { contentHash, normalizeForHash } from './content-hash.js';
export { simhash64, hammingDistance, simhashTokens } from './simhash.js';
export type { SimhashOptions } from './simhash.js';
export { NearDuplicateIndex } from './near-duplicate-index.js';
export type { NearDuplicateMatch, NearDuplicateIndexOptions } from './near-duplicate-index.js';
