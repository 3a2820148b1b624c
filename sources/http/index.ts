export { createFetcher, toRequestUrl } from './fetcher.js';
export { parseRetryAfter } from './retry-after.js';
export { isAllowedMediaType, mediaType } from './content-type.js';
export type { AcceptKind, FetchOptions, FetchResult, Fetcher, FetcherDeps } from './types.js';
