import { NonRetryableError } from '../../core/index.js';
import { clip, htmlToText, resolveLink, toIsoDate } from './text.js';
import type { FeedItem, ParsedFeed } from './types.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1). */
export function parseJsonFeed(body: string, base: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new NonRetryableError('feed_malformed', `feed: ${base} is not valid JSON (${(err as Error).message})`, { subject: base, cause: err });
  }
  const feed = data as { version?: unknown; title?: unknown; items?: unknown; home_page_url?: unknown; language?: unknown };
  if (!feed || typeof feed !== 'object' || !Array.isArray(feed.items) || !/jsonfeed\.org/i.test(String(feed.version ?? ''))) {
    throw new NonRetryableError('not_a_feed', `feed: ${base} is JSON but not a JSON Feed (needs "version": "https://jsonfeed.org/version/1.1" and "items")`, {
      subject: base,
    });
  }
  const feedLang = str(feed.language);
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const raw of feed.items as unknown[]) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Record<string, unknown>;
    const url = resolveLink(str(it['url']) ?? str(it['external_url']), base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    items.push({
      url,
      title: str(it['title']),
      publishedAt: toIsoDate(str(it['date_published'])),
      summary: clip(str(it['summary']) ?? str(it['content_text']) ?? htmlToText(str(it['content_html']))),
      guid: str(it['id']),
      updatedAt: toIsoDate(str(it['date_modified'])),
      lang: str(it['language']) ?? feedLang,
    });
  }
  return { kind: 'jsonfeed', title: str(feed.title), items, sitemaps: [] };
}
