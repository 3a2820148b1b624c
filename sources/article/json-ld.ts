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

function collect(node: Json, out: JsonObject[], depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) collect(x, out, depth + 1);
    return;
  }
  out.push(node);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart', 'item']) {
    const v = node[key];
    if (v && typeof v === 'object') collect(v, out, depth + 1);
  }
}

/** Article metadata from the page's JSON-LD blocks, or null when none describes an article or page. */
export function readJsonLd(scripts: string[]): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  for (const text of scripts) {
    const parsed = parseLoose(text);
    if (parsed !== undefined) collect(parsed, objects);
  }
  const article =
    objects.find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t))) ??
    objects.find((o) => typesOf(o).some((t) => PAGE_TYPES.has(t)) && (o['datePublished'] || o['headline']));
  if (!article) return null;
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
