export { parseFeed, type ParseFeedOptions } from './parse-feed.js';
export { parseListing } from './listing.js';
export { toIsoDate, resolveLink } from './text.js';
export type { FeedItem, FeedKind, ListingSelectors, ParsedFeed } from './types.js';
export { discoverSource, type DiscoverOptions, type DiscoverResult } from './discover.js';
export { discoverFeedLinks, type FeedLink } from './feed-links.js';
export { pollSource, type SourceStateStore } from './poll.js';
