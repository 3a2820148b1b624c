import { NonRetryableError, RastroError } from '../../core/index.js';
import { parseJsonFeed } from './json-feed.js';
import { parseListing } from './listing.js';
import { parseSitemapIndex, parseUrlset } from './sitemap.js';
import { parseXml } from './xml.js';
import { parseAtom, parseRdf, parseRss } from './xml-feeds.js';
import type { ListingSelectors, ParsedFeed } from './types.js';

export interface ParseFeedOptions {
  /** CSS selectors: when given and the body is HTML, it is parsed as a listing page. */
  selectors?: ListingSelectors;
}

function looksLikeHtml(head: string): boolean {
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(head);
}

/**
 * Any feed we know, detected from the body: RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed, sitemap urlset /
 * sitemapindex (incl. news sitemaps), or an HTML listing page when selectors are given.
 * Relative links resolve against `baseUrl` (the feed's final URL, file:// included).
 * Never throws anything but NonRetryableError: `feed_malformed` (broken XML/JSON) or `not_a_feed`.
 */
export function parseFeed(body: string, baseUrl: string, options: ParseFeedOptions = {}): ParsedFeed {
  try {
    return dispatch(body, baseUrl, options);
  } catch (err) {
    if (err instanceof RastroError) throw err;
    throw new NonRetryableError('feed_malformed', `feed: ${baseUrl} could not be read (${(err as Error)?.message ?? String(err)})`, {
      subject: baseUrl,
      cause: err,
    });
  }
}

function dispatch(body: string, baseUrl: string, options: ParseFeedOptions): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  const head = text.trimStart().slice(0, 2048);
  if (head === '') throw new NonRetryableError('not_a_feed', `feed: ${baseUrl} is empty`, { subject: baseUrl });
  if (head.startsWith('{') || head.startsWith('[')) return parseJsonFeed(text, baseUrl);
  if (looksLikeHtml(head)) {
    if (options.selectors) return parseListing(text, baseUrl, options.selectors);
    throw new NonRetryableError('not_a_feed', `feed: ${baseUrl} is an HTML page; give the source CSS selectors to read it as a listing`, {
      subject: baseUrl,
    });
  }
  if (!head.startsWith('<')) throw new NonRetryableError('not_a_feed', `feed: ${baseUrl} is neither XML, JSON nor HTML`, { subject: baseUrl });
  const doc = parseXml(text, baseUrl);
  const rootName = Object.keys(doc).find((k) => k !== '?xml' && !k.startsWith('#') && !k.startsWith('!'));
  const root = rootName ? doc[rootName] : undefined;
  const node = (root && typeof root === 'object' ? root : {}) as Record<string, unknown>;
  switch (rootName) {
    case 'rss':
      return parseRss(node, baseUrl);
    case 'RDF':
      return parseRdf(node, baseUrl);
    case 'feed':
      return parseAtom(node, baseUrl);
    case 'urlset':
      return parseUrlset(node, baseUrl);
    case 'sitemapindex':
      return parseSitemapIndex(node, baseUrl);
    case 'html':
      if (options.selectors) return parseListing(text, baseUrl, options.selectors);
  }
  throw new NonRetryableError('not_a_feed', `feed: ${baseUrl} has root element <${rootName ?? '?'}>, not rss, rdf:RDF, feed, urlset or sitemapindex`, {
    subject: baseUrl,
  });
}
