/**
 * Page metadata: title, author, language and canonical URL, from JSON-LD, meta tags and microdata
 * (the publication date is in published.ts).
 */
import type { Element } from 'domhandler';
import { attr, type PageIndex } from './page-index.js';
import { readJsonLd, type JsonLdArticle } from './json-ld.js';
import { collapse, rawText } from './text.js';

export interface PageMeta {
  jsonLd: JsonLdArticle | null;
  /** Lower-cased meta key (property, name, itemprop or http-equiv) → first non-empty content. */
  meta: Map<string, string>;
}

export function readMeta(page: PageIndex, url?: string): PageMeta {
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
  return { jsonLd: readJsonLd(page.ldScripts, [url, page.canonical, meta.get('og:url')]), meta };
}

const textOf = (el: Element): string => collapse(rawText(el));

function firstMeta(meta: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
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
