/**
 * JSON-LD (schema.org) article metadata: the first NewsArticle / Article-like object of the page, looked
 * up through arrays, `@graph` and nesting (`mainEntity`, `itemListElement`). Broken JSON is tolerated.
 */

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  author: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  url: string | null;
}

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'reportagenews', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'blogposting', 'liveblogposting', 'socialmediaposting', 'report',
  'scholarlyarticle', 'techarticle', 'medicalscholarlyarticle', 'advertisercontentarticle', 'satiricalarticle',
]);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage', 'creativework']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function parseLoose(raw: string): Json | undefined {
  const s = raw.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[|<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\]\]>|\]\]>)\s*$/, '').trim();
  if (s === '') return undefined;
  try {
    return JSON.parse(s) as Json;
  } catch {
    try {
      // Raw newlines and tabs inside strings are the usual breakage; trailing commas the next.
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return undefined;
    }
  }
}

function typesOf(o: JsonObject): string[] {
  const t = o['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, '').toLowerCase());
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str(v['@value'] ?? v['name'] ?? v['@id']);
  return null;
}

function authorName(v: Json | undefined): string | null {
  if (v == null) return null;
  const list = Array.isArray(v) ? v : [v];
  const names: string[] = [];
  for (const a of list) {
    const n = typeof a === 'string' ? a : a && typeof a === 'object' && !Array.isArray(a) ? str(a['name'] ?? null) : null;
    if (n && !/^https?:\/\//.test(n) && !names.includes(n.trim())) names.push(n.trim());
  }
  return names.length ? names.join(', ') : null;
}

function collect(node: Json, out: Array<{ o: JsonObject; listed: boolean }>, depth = 0, listed = false): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) collect(x, out, depth + 1, listed);
    return;
  }
  out.push({ o: node, listed });
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart', 'item']) {
    const v = node[key];
    // Objects inside item lists and parts are usually other stories (related links, live-blog updates).
    if (v && typeof v === 'object') collect(v, out, depth + 1, listed || key === 'itemListElement' || key === 'hasPart' || key === 'item');
  }
}

const urlKey = (u: string | null | undefined): string | null => {
  if (!u) return null;
  const k = u.trim().replace(/^https?:\/\/(?:www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '').toLowerCase();
  return k || null;
};

/**
 * Article metadata from the page's JSON-LD blocks, or null when none describes an article or page.
 * With several articles (a `@graph` with related stories, lists), the one describing `pageUrl` wins, then
 * one outside item lists that has a datePublished.
 */
export function readJsonLd(scripts: string[], pageUrls: Array<string | null | undefined> = []): JsonLdArticle | null {
  const objects: Array<{ o: JsonObject; listed: boolean }> = [];
  for (const text of scripts) {
    const parsed = parseLoose(text);
    if (parsed !== undefined) collect(parsed, objects);
  }
  const keys = new Set(pageUrls.map(urlKey).filter((k): k is string => k !== null));
  const articles = objects.filter(({ o }) => typesOf(o).some((t) => ARTICLE_TYPES.has(t)));
  const describesPage = ({ o }: { o: JsonObject }): boolean =>
    keys.size > 0 && [str(o['url'] ?? null), str(o['@id'] ?? null), str(o['mainEntityOfPage'] ?? null)].some((u) => {
      const k = urlKey(u);
      return k !== null && keys.has(k);
    });
  const found =
    articles.find(describesPage) ??
    articles.find(({ o, listed }) => !listed && o['datePublished']) ??
    articles.find(({ listed }) => !listed) ??
    articles[0] ??
    objects.find(({ o }) => typesOf(o).some((t) => PAGE_TYPES.has(t)) && (o['datePublished'] || o['headline']));
  if (!found) return null;
  const article = found.o;
  const body = str(article['articleBody'] ?? null);
  return {
    headline: str(article['headline'] ?? null) ?? str(article['name'] ?? null),
    datePublished: str(article['datePublished'] ?? null) ?? str(article['dateCreated'] ?? null),
    dateModified: str(article['dateModified'] ?? null),
    author: authorName(article['author'] ?? article['creator'] ?? null),
    articleBody: body,
    inLanguage: str(article['inLanguage'] ?? null),
    url: str(article['url'] ?? null),
  };
}
