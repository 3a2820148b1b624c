/**
 * Page metadata: title, publication date, author, language and canonical URL, from JSON-LD, meta tags,
 * microdata, `<time>` elements, the URL and, last, date text near the top of the page.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { readJsonLd, type JsonLdArticle } from './json-ld.js';
import { dateFromUrl, localizeUtc, parseMachineDate, parseTextDate } from './dates.js';
import { collapse } from './text.js';

export interface PageMeta {
  jsonLd: JsonLdArticle | null;
  /** Lower-cased meta key (property, name, itemprop or http-equiv) → first non-empty content. */
  meta: Map<string, string>;
}

export function readMeta($: CheerioAPI): PageMeta {
  const meta = new Map<string, string>();
  $('meta').each((_i, el) => {
    const a = (el as { attribs?: Record<string, string> }).attribs ?? {};
    const content = a['content'] ?? a['value'];
    if (content == null || content.trim() === '') return;
    for (const k of [a['property'], a['name'], a['itemprop'], a['http-equiv']]) {
      if (k) {
        const key = k.trim().toLowerCase();
        if (!meta.has(key)) meta.set(key, content.trim());
      }
    }
  });
  return { jsonLd: readJsonLd($), meta };
}

function firstMeta(meta: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}

const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published',
  'article.published', 'datepublished', 'published_time', 'publish-date', 'publish_date', 'publishdate',
  'pubdate', 'publication_date', 'publication-date', 'date.release', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'parsely-pub-date', 'sailthru.date',
  'article_date_original', 'original-publish-date', 'cxenseparse:recs:publishtime', 'cxenseparse:publishtime',
  'date', 'datecreated', 'created', 'article:post_date', 'bt:pubdate', 'eomportal-lastupdate',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dc.date.modified', 'dcterms.modified'];

/** Publication date as ISO 8601, or null. `topText` is the first part of the page text, for written dates. */
export function findPublishedAt($: CheerioAPI, pm: PageMeta, url: string | undefined, topText: string): string | null {
  const d = findPublishedRaw($, pm, url, topText);
  return d ? localizeUtc(d, url, localeRegion($, pm)) : null;
}

function findPublishedRaw($: CheerioAPI, pm: PageMeta, url: string | undefined, topText: string): string | null {
  const fromMeta = firstMeta(pm.meta, PUBLISHED_KEYS);
  const candidates: Array<string | null | undefined> = [pm.jsonLd?.datePublished, fromMeta];
  const parsely = pm.meta.get('parsely-page');
  if (parsely) {
    try {
      candidates.push((JSON.parse(parsely) as { pub_date?: string }).pub_date);
    } catch {
      /* not JSON */
    }
  }
  for (const c of candidates) {
    const d = c ? parseMachineDate(c) : null;
    if (d) return preferLocalForm(d, $);
  }
  const timeEls = $('[itemprop="datePublished"], time[pubdate], time[datetime], [class*="publish"] time, abbr.published');
  for (let i = 0; i < timeEls.length && i < 10; i++) {
    const el = timeEls.eq(i);
    const raw = el.attr('datetime') ?? el.attr('content') ?? el.attr('title') ?? el.text();
    const d = raw ? parseMachineDate(raw) : null;
    if (d) return d;
  }
  const byUrl = url ? dateFromUrl(url) : null;
  if (byUrl) return byUrl;
  const dateish = $('[class*="date" i], [class*="fecha" i], [class*="data" i], [id*="date" i], [class*="time" i], [class*="publicad" i], [class*="meta" i]');
  for (let i = 0; i < dateish.length && i < 30; i++) {
    const t = collapse(dateish.eq(i).text());
    if (t.length > 0 && t.length < 120) {
      const d = parseTextDate(t);
      if (d) return d;
    }
  }
  const inTop = parseTextDate(topText);
  if (inTop) return inTop;
  const modified = firstMeta(pm.meta, MODIFIED_KEYS) ?? pm.jsonLd?.dateModified;
  return modified ? parseMachineDate(modified) : null;
}

/**
 * A UTC timestamp is replaced by the page's own local rendering of the same instant when a `<time>` or
 * meta value gives one ("2022-05-04T03:37:37Z" → "2022-05-03T23:37:37-04:00"), so the day is the publisher's.
 */
function preferLocalForm(d: string, $: CheerioAPI): string {
  if (!/T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(d)) return d;
  const instant = Date.parse(d);
  const values = $('time[datetime], meta[content]')
    .toArray()
    .slice(0, 200)
    .map((el) => (el as { attribs: Record<string, string> }).attribs['datetime'] ?? (el as { attribs: Record<string, string> }).attribs['content'] ?? '');
  for (const v of values) {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(v)) continue;
    const local = parseMachineDate(v);
    if (local && /[+-]\d{2}:\d{2}$/.test(local) && !local.endsWith('+00:00') && Math.abs(Date.parse(local) - instant) < 60_000) return local;
  }
  return d;
}

/** Strips a trailing or leading " | Site name" from a <title>. */
function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—·•»:-]\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const site = siteName.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== site && !site.includes(p.toLowerCase()));
    if (kept.length && kept.length < parts.length) return kept.join(' - ');
  }
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.split(/\s+/).length >= 3 ? longest : title;
}

export function findTitle($: CheerioAPI, pm: PageMeta): string | null {
  const og = firstMeta(pm.meta, ['og:title', 'twitter:title', 'title', 'dc.title', 'headline']);
  const ld = pm.jsonLd?.headline ?? null;
  const docTitle = collapse($('head title').first().text() || $('title').first().text());
  const h1s = $('h1')
    .toArray()
    .slice(0, 5)
    .map((el) => collapse($(el).text()))
    .filter((t) => t.length > 3);
  const site = pm.meta.get('og:site_name') ?? null;
  // The visible headline wins when it agrees with any declared title (og:title is often an SEO variant).
  const refs = [og, ld, docTitle].filter((r): r is string => !!r).map((r) => collapse(r).toLowerCase());
  const h1 = h1s.find((t) => {
    const h = t.toLowerCase();
    return refs.some((ref) => ref.includes(h) || h.includes(ref));
  });
  if (h1) return h1;
  const best = og ?? ld;
  const stripped = docTitle ? stripSiteName(docTitle, site) : '';
  if (best) {
    const b = stripSiteName(collapse(best), site);
    // A title cut short by a stray quote in the attribute: the <title> has the rest.
    return stripped.length > b.length && stripped.startsWith(b) ? stripped : b;
  }
  if (h1s[0]) return h1s[0];
  return stripped || null;
}

export function findAuthor($: CheerioAPI, pm: PageMeta): string | null {
  const clean = (s: string | null | undefined): string | null => {
    if (!s) return null;
    const t = collapse(s).replace(/^(?:por|by|de|por:|by:)\s+/i, '');
    const bad = /^(?:https?:\/\/|@|www\.)/.test(t) || /\.[a-z]{2,4}$/i.test(t) || /^\d+$/.test(t) || t.includes('/');
    return t && t.length < 120 && !bad ? t : null;
  };
  const writtenBy = /^(?:written by|escrito por|por|autor|author)$/i.test(pm.meta.get('twitter:label1') ?? '') ? pm.meta.get('twitter:data1') : null;
  const metaKeys = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'citation_author'];
  const fromMeta =
    clean(pm.jsonLd?.author) ?? metaKeys.map((k) => clean(pm.meta.get(k))).find((a) => a !== null) ?? clean(writtenBy);
  if (fromMeta) return fromMeta;
  const el = $('[itemprop="author"], [rel="author"], .author-name, .byline, .autor, .author').first();
  return clean(el.attr('content') ?? el.text());
}

/** Region of the page locale ("es_CO" → "CO"), or null. */
export function localeRegion($: CheerioAPI, pm: PageMeta): string | null {
  for (const raw of [pm.meta.get('og:locale'), $('html').attr('lang'), pm.meta.get('content-language')]) {
    const m = raw ? /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(raw.trim()) : null;
    if (m) return m[1]!.toUpperCase();
  }
  return null;
}

export function findLanguage($: CheerioAPI, pm: PageMeta): string | null {
  const raw =
    $('html').attr('lang') ??
    $('html').attr('xml:lang') ??
    pm.meta.get('og:locale') ??
    pm.meta.get('content-language') ??
    pm.meta.get('language') ??
    pm.meta.get('dc.language') ??
    pm.jsonLd?.inLanguage ??
    null;
  const m = raw ? /^\s*([a-zA-Z]{2,3})(?:[-_]|\s*$|,)/.exec(raw) : null;
  return m ? m[1]!.toLowerCase() : null;
}

export function findCanonical($: CheerioAPI, pm: PageMeta, url: string | undefined): string | null {
  const declared = $('link[rel="canonical"]').attr('href') ?? pm.meta.get('og:url') ?? null;
  if (declared) {
    try {
      return new URL(declared.trim(), url || undefined).href;
    } catch {
      /* relative without a base */
    }
  }
  return url ? url : null;
}
