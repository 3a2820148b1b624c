import { load, type CheerioAPI } from 'cheerio';
import { NonRetryableError } from '../../core/index.js';
import { resolveLink, toIsoDate } from './text.js';
import type { FeedItem, ListingSelectors, ParsedFeed } from './types.js';

function select($: CheerioAPI, selector: string, base: string) {
  try {
    return $(selector);
  } catch (err) {
    throw new NonRetryableError('bad_selector', `listing: selector "${selector}" for ${base} is not valid CSS (${(err as Error).message})`, {
      subject: base,
      cause: err,
    });
  }
}

/**
 * Items of an HTML listing page (a section front, a search result page) by the source's CSS selectors.
 * `items` picks one element per story; inside it `link` (default `a[href]`), `title` and `date`
 * (a `datetime` / `content` attribute or the text). Without `items`, every `link` match is an item.
 */
export function parseListing(html: string, base: string, selectors: ListingSelectors = {}): ParsedFeed {
  const $ = load(html);
  for (const sel of [selectors.items, selectors.link, selectors.title, selectors.date]) if (sel) select($, sel, base);
  const pageBase = resolveLink($('base[href]').attr('href') ?? null, base) ?? base;
  const linkSel = selectors.link ?? 'a[href]';
  const containers = selectors.items ? select($, selectors.items, base).toArray() : select($, linkSel, base).toArray();
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const el of containers) {
    const node = $(el);
    const linkEl = selectors.items && !node.is(linkSel) ? node.find(linkSel).first() : node;
    const href = linkEl.attr('href') ?? linkEl.find('a[href]').first().attr('href') ?? null;
    const url = resolveLink(href, pageBase);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const titleEl = selectors.title ? node.find(selectors.title).first() : linkEl;
    const title = (titleEl.attr('title') && !titleEl.text().trim() ? titleEl.attr('title')! : titleEl.text()).replace(/\s+/g, ' ').trim();
    const dateEl = selectors.date ? node.find(selectors.date).first() : node.find('time').first();
    const dateRaw = dateEl.attr('datetime') ?? dateEl.attr('content') ?? (dateEl.text().trim() || null);
    items.push({ url, title: title || null, publishedAt: toIsoDate(dateRaw ?? null), summary: null, guid: null });
  }
  const title = $('title').first().text().replace(/\s+/g, ' ').trim();
  return { kind: 'listing', title: title || null, items, sitemaps: [] };
}
