import { NonRetryableError, describeError, type SourceConfig } from '../../core/index.js';
import { listSourceFiles } from '../config/load.js';
import type { Fetcher } from '../http/index.js';
import { parseFeed } from './parse-feed.js';
import type { FeedItem, FeedKind } from './types.js';

export interface DiscoverOptions {
  /** Validators from the source's last successful poll (SourceState). */
  etag?: string | null;
  lastModified?: string | null;
  /** Child sitemaps of a sitemap index fetched inline, in index order. Default 5; the rest are returned in `sitemaps`. */
  followSitemaps?: number;
  signal?: AbortSignal;
}

export interface DiscoverResult {
  sourceId: string;
  url: string;
  finalUrl: string;
  /** 304: nothing changed since the validators given; items is empty. */
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** What was read: a feed kind, `folder` (local files), `single` (the source URL is itself the item) or `not_modified` (304). */
  kind: FeedKind | 'folder' | 'single' | 'not_modified';
  title: string | null;
  items: FeedItem[];
  /** Child sitemaps not fetched here (beyond followSitemaps), for the caller to schedule. */
  sitemaps: string[];
  /** Failures of child sitemaps (the index itself succeeded). */
  errors: string[];
  fetchedAt: string;
}

const FEED_KINDS = new Set(['rss', 'atom', 'jsonfeed', 'feed', 'sitemap', 'listing']);

const single = (url: string): FeedItem => ({ url, title: null, publishedAt: null, summary: null, guid: null });

/**
 * Lists the item URLs a source currently offers: fetches and parses feeds, sitemaps (following a few
 * children of an index) and listing pages; expands local folders to their files; a single article or
 * notice URL is its own item. Throws our error classes only (a broken feed is NonRetryableError).
 */
export async function discoverSource(fetcher: Fetcher, source: SourceConfig & { isFolder?: boolean }, options: DiscoverOptions = {}): Promise<DiscoverResult> {
  const base = { sourceId: source.id, url: source.url, sitemaps: [] as string[], errors: [] as string[] };
  const isFolder = source.isFolder ?? (source.url.startsWith('file:') && source.url.endsWith('/'));
  if (isFolder) {
    const files = await listSourceFiles(source.url);
    return { ...base, finalUrl: source.url, notModified: false, etag: null, lastModified: null, kind: 'folder', title: null, items: files.map(single), fetchedAt: new Date().toISOString() };
  }
  // A notice board is often a listing page: a notice/article source with item selectors is read as one.
  const listing = source.kind === 'listing' || Boolean(source.selectors?.items || source.selectors?.link);
  if (!FEED_KINDS.has(source.kind) && !listing) {
    return { ...base, finalUrl: source.url, notModified: false, etag: null, lastModified: null, kind: 'single', title: null, items: [single(source.url)], fetchedAt: new Date().toISOString() };
  }
  const res = await fetcher.fetch(source.url, {
    accept: listing ? 'html' : 'feed',
    ...(options.etag ? { etag: options.etag } : {}),
    ...(options.lastModified ? { lastModified: options.lastModified } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const common = { ...base, finalUrl: res.finalUrl, etag: res.etag, lastModified: res.lastModified, fetchedAt: res.fetchedAt };
  if (res.notModified) return { ...common, notModified: true, kind: 'not_modified', title: null, items: [] };
  const feed = parseFeed(res.body, res.finalUrl, source.selectors ? { selectors: source.selectors } : {});
  if (feed.kind !== 'sitemapindex') return { ...common, notModified: false, kind: feed.kind, title: feed.title, items: feed.items };

  const follow = Math.max(0, options.followSitemaps ?? 5);
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const child of feed.sitemaps.slice(0, follow)) {
    try {
      const sub = await fetcher.fetch(child, { accept: 'feed', ...(options.signal ? { signal: options.signal } : {}) });
      const parsed = parseFeed(sub.body, sub.finalUrl);
      if (parsed.kind === 'sitemapindex') throw new NonRetryableError('not_a_feed', `feed: ${child} is a nested sitemap index; not followed`, { subject: child });
      for (const it of parsed.items) if (!seen.has(it.url)) (seen.add(it.url), items.push(it));
    } catch (err) {
      if ((err as { kind?: string }).kind === 'rate_limited') throw err;
      errors.push(describeError(err));
    }
  }
  return { ...common, notModified: false, kind: 'sitemapindex', title: null, items, sitemaps: feed.sitemaps.slice(follow), errors };
}
