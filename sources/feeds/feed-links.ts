import { load } from 'cheerio';
import { resolveLink } from './text.js';

export interface FeedLink {
  url: string;
  type: 'rss' | 'atom' | 'jsonfeed' | 'rdf';
  title: string | null;
}

const TYPES: Record<string, FeedLink['type']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'jsonfeed',
  'application/json': 'jsonfeed',
  'application/rdf+xml': 'rdf',
};

/**
 * Feeds a web page advertises with `<link rel="alternate" type="application/rss+xml" href=…>`
 * (for `rastro sources add` given a home page). Resolved against `<base href>` / the page URL; de-duplicated.
 */
export function discoverFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const $ = load(html);
  const base = resolveLink($('base[href]').attr('href') ?? null, pageUrl) ?? pageUrl;
  const out: FeedLink[] = [];
  const seen = new Set<string>();
  $('link[href][type]').each((_, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = TYPES[($(el).attr('type') ?? '').toLowerCase().split(';')[0]!.trim()];
    if (!type || !rel.includes('alternate')) return;
    const url = resolveLink($(el).attr('href') ?? null, base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    out.push({ url, type, title: $(el).attr('title')?.trim() || null });
  });
  return out;
}
