import { asArray, resolveLink, textOf, toIsoDate } from './text.js';
import type { FeedItem, ParsedFeed } from './types.js';

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});

/** `<urlset>`, including Google News sitemaps (`news:publication_date`, `news:title`, `news:language`). */
export function parseUrlset(root: Node, base: string): ParsedFeed {
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const raw of asArray(root['url'])) {
    const entry = obj(raw);
    const url = resolveLink(textOf(entry['loc']), base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const news = obj(asArray(entry['news'])[0]);
    const publication = obj(news['publication']);
    const updatedAt = toIsoDate(textOf(entry['lastmod']));
    items.push({
      url,
      title: textOf(news['title']),
      publishedAt: toIsoDate(textOf(news['publication_date'])),
      summary: null,
      guid: null,
      updatedAt,
      lang: textOf(publication['language']),
    });
  }
  return { kind: 'sitemap', title: null, items, sitemaps: [] };
}

/** `<sitemapindex>`: no items, only the child sitemaps to fetch next. */
export function parseSitemapIndex(root: Node, base: string): ParsedFeed {
  const sitemaps = asArray(root['sitemap'])
    .map((s) => resolveLink(textOf(obj(s)['loc']), base))
    .filter((u): u is string => u !== null);
  return { kind: 'sitemapindex', title: null, items: [], sitemaps: [...new Set(sitemaps)] };
}
