import { asArray, attrOf, clip, htmlToText, resolveLink, textOf, toIsoDate } from './text.js';
import type { FeedItem, ParsedFeed } from './types.js';

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : Array.isArray(v) ? obj(v[0]) : {});

/** RSS `<link>` is text; an `atom:link` in the same channel arrives under the same name with an href. */
function rssLink(item: Node): string | null {
  for (const l of asArray(item['link'])) {
    const t = textOf(l);
    if (t) return t;
  }
  return null;
}

function dedupe(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.url) ? false : (seen.add(i.url), true)));
}

export function parseRss(root: Node, base: string): ParsedFeed {
  const channel = obj(root['channel']);
  const items: FeedItem[] = [];
  for (const raw of asArray(channel['item'])) {
    const item = obj(raw);
    const guidNode = item['guid'];
    const guid = textOf(guidNode);
    const permalink = attrOf(guidNode, 'isPermaLink') !== 'false';
    const url = resolveLink(rssLink(item) ?? (permalink && guid && /^(https?:|\/|\.)/.test(guid) ? guid : null), base);
    if (!url) continue;
    items.push({
      url,
      title: htmlToText(textOf(item['title'])),
      publishedAt: toIsoDate(textOf(item['pubDate']) ?? textOf(item['date']) ?? textOf(item['published'])),
      summary: clip(htmlToText(textOf(item['description']) ?? textOf(item['encoded']))),
      guid,
    });
  }
  return { kind: 'rss', title: htmlToText(textOf(channel['title'])), items: dedupe(items), sitemaps: [] };
}

/** RSS 1.0: items are siblings of the channel under rdf:RDF. */
export function parseRdf(root: Node, base: string): ParsedFeed {
  const channel = obj(root['channel']);
  const items: FeedItem[] = [];
  for (const raw of asArray(root['item'])) {
    const item = obj(raw);
    const about = attrOf(item, 'about');
    const url = resolveLink(rssLink(item) ?? about, base);
    if (!url) continue;
    items.push({
      url,
      title: htmlToText(textOf(item['title'])),
      publishedAt: toIsoDate(textOf(item['date'])),
      summary: clip(htmlToText(textOf(item['description']) ?? textOf(item['encoded']))),
      guid: about,
    });
  }
  return { kind: 'rdf', title: htmlToText(textOf(channel['title'])), items: dedupe(items), sitemaps: [] };
}

function atomText(node: unknown): string | null {
  const t = textOf(node);
  const type = attrOf(node, 'type');
  return type === 'html' || type === 'xhtml' || (t && /<\w/.test(t)) ? htmlToText(t) : t;
}

/** The entry's page: rel=alternate (or no rel), preferring text/html; else the first link with an href. */
function atomLink(links: unknown[]): string | null {
  const withHref = links.filter((l) => attrOf(l, 'href'));
  const alternates = withHref.filter((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/.test(attrOf(l, 'type') ?? 'text/html'));
  const pick = html ?? alternates[0] ?? null;
  return pick ? attrOf(pick, 'href') : null;
}

export function parseAtom(root: Node, feedUrl: string): ParsedFeed {
  const feedBase = resolveLink(attrOf(root, 'base'), feedUrl) ?? feedUrl;
  const items: FeedItem[] = [];
  for (const raw of asArray(root['entry'])) {
    const entry = obj(raw);
    const base = resolveLink(attrOf(entry, 'base'), feedBase) ?? feedBase;
    const url = resolveLink(atomLink(asArray(entry['link'])), base);
    if (!url) continue;
    const updated = toIsoDate(textOf(entry['updated']));
    items.push({
      url,
      title: atomText(entry['title']),
      publishedAt: toIsoDate(textOf(entry['published'])) ?? updated,
      summary: clip(atomText(entry['summary']) ?? atomText(entry['content'])),
      guid: textOf(entry['id']),
      updatedAt: updated,
    });
  }
  return { kind: 'atom', title: atomText(root['title']), items: dedupe(items), sitemaps: [] };
}
