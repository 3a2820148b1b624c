/**
 * Page metadata: title, publication date, author, language and canonical URL, from JSON-LD, meta tags,
 * microdata, `<time>` elements, the URL and, last, date text near the top of the page.
 */
import type { Element } from 'domhandler';
import { attr, type PageIndex } from './page-index.js';
import { readJsonLd, type JsonLdArticle } from './json-ld.js';
import { dateFromUrl, localizeUtc, parseMachineDate, parseTextDate } from './dates.js';
import { collapse, rawText } from './text.js';

export interface PageMeta {
  jsonLd: JsonLdArticle | null;
  /** Lower-cased meta key (property, name, itemprop or http-equiv) → first non-empty content. */
  meta: Map<string, string>;
}

export function readMeta(page: PageIndex): PageMeta {
  const meta = new Map<string, string>();
  for (const el of page.metas) {
    const a = el.attribs;
    const content = a['content'] ?? a['value'];
    if (content == null || content.trim() === '') continue;
    for (const k of [a['property'], a['name'], a['itemprop'], a['http-equiv']]) {
      if (k) {
        const key = k.trim().toLowerCase();
        if (!meta.has(key)) meta.set(key, content.trim());
      }
    }
  }
  return { jsonLd: readJsonLd(page.ldScripts), meta };
}

const textOf = (el: Element): string => collapse(rawText(el));

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
export function findPublishedAt(page: PageIndex, pm: PageMeta, url: string | undefined, topText: string): string | null {
  const d = findPublishedRaw(page, pm, url, topText);
  return d ? localizeUtc(d, url, localeRegion(page, pm)) : null;
}

function findPublishedRaw(page: PageIndex, pm: PageMeta, url: string | undefined, topText: string): string | null {
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
    if (d) return preferLocalForm(d, page);
  }
  for (const el of page.timeEls.slice(0, 10)) {
    const raw = attr(el, 'datetime') ?? attr(el, 'content') ?? attr(el, 'title') ?? rawText(el);
    const d = raw ? parseMachineDate(raw) : null;
    if (d) return d;
  }
  const byUrl = url ? dateFromUrl(url) : null;
  if (byUrl) return byUrl;
  for (const el of page.dateish.slice(0, 30)) {
    const t = textOf(el);
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
function preferLocalForm(d: string, page: PageIndex): string {
  if (!/T\d{2}:\d{2}:\d{2}(?:Z|\+00:00)$/.test(d)) return d;
  const instant = Date.parse(d);
  const values = [...page.metas.slice(0, 200).map((el) => attr(el, 'content') ?? ''), ...page.timeEls.map((el) => attr(el, 'datetime') ?? '')];
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

export function findTitle(page: PageIndex, pm: PageMeta): string | null {
  const og = firstMeta(pm.meta, ['og:title', 'twitter:title', 'title', 'dc.title', 'headline']);
  const ld = pm.jsonLd?.headline ?? null;
  const docTitle = collapse(page.title);
  const h1s = page.h1s.map(textOf).filter((t) => t.length > 3);
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

export function findAuthor(page: PageIndex, pm: PageMeta): string | null {
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
  const el = page.authorEls[0];
  return el ? clean(attr(el, 'content') ?? rawText(el)) : null;
}

/** Region of the page locale ("es_CO" → "CO"), or null. */
export function localeRegion(page: PageIndex, pm: PageMeta): string | null {
  for (const raw of [pm.meta.get('og:locale'), attr(page.html, 'lang'), pm.meta.get('content-language')]) {
    const m = raw ? /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(raw.trim()) : null;
    if (m) return m[1]!.toUpperCase();
  }
  return null;
}

export function findLanguage(page: PageIndex, pm: PageMeta): string | null {
  const raw =
    attr(page.html, 'lang') ??
    attr(page.html, 'xml:lang') ??
    pm.meta.get('og:locale') ??
    pm.meta.get('content-language') ??
    pm.meta.get('language') ??
    pm.meta.get('dc.language') ??
    pm.jsonLd?.inLanguage ??
    null;
  const m = raw ? /^\s*([a-zA-Z]{2,3})(?:[-_]|\s*$|,)/.exec(raw) : null;
  return m ? m[1]!.toLowerCase() : null;
}

export function findCanonical(page: PageIndex, pm: PageMeta, url: string | undefined): string | null {
  const declared = page.canonical ?? pm.meta.get('og:url') ?? null;
  if (declared) {
    try {
      return new URL(declared.trim(), url || undefined).href;
    } catch {
      /* relative without a base */
    }
  }
  return url ? url : null;
}
