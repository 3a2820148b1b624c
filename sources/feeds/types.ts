export type FeedKind = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'sitemap' | 'sitemapindex' | 'listing';

export interface FeedItem {
  /** Absolute URL of the item (resolved against xml:base / the feed URL). */
  url: string;
  title: string | null;
  /** ISO 8601 publication time, when the feed gives one. */
  publishedAt: string | null;
  /** Plain-text summary (HTML stripped), when the feed gives one. */
  summary: string | null;
  /** Feed-local identity (RSS guid, Atom id, JSON Feed id), else null. */
  guid: string | null;
  /** ISO time of the last modification (Atom `updated`, sitemap `lastmod`), when given. */
  updatedAt?: string | null;
  /** Language the item declares (news sitemaps, JSON Feed), when given. */
  lang?: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  items: FeedItem[];
  /** Child sitemaps to discover (sitemap indexes); empty otherwise. */
  sitemaps: string[];
}

/** CSS selectors for an HTML listing page (the source config's `selectors`). */
export interface ListingSelectors {
  /** One element per item; default: every `a[href]` matched by `link` in the whole page. */
  items?: string;
  /** The item's link inside the item element (default `a[href]`; the item itself when it is a link). */
  link?: string;
  title?: string;
  date?: string;
}
