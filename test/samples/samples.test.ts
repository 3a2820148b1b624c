import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import countries from 'i18n-iso-countries';
import { EXPLOITATION_TYPES } from '../../core/index.js';
import { loadSourcesFile } from '../../sources/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../samples');
const LABELS = ['incident', 'awareness', 'negative'] as const;
/** The labelled dev sets: each file, its id prefix and its per-language minimum size. */
const DEV_SETS = [
  { file: 'dev/news.jsonl', prefix: 'dev', minPerLang: { es: 110, pt: 70, en: 60 } },
  { file: 'dev/news-b.jsonl', prefix: 'devb', minPerLang: { es: 50, pt: 40, en: 30 } },
  { file: 'dev/news-c.jsonl', prefix: 'devc', minPerLang: { es: 55, pt: 60, en: 35 } },
  { file: 'dev/news-d.jsonl', prefix: 'devd', minPerLang: { es: 55, pt: 65, en: 30 } },
  { file: 'dev/news-e.jsonl', prefix: 'deve', minPerLang: { es: 80, pt: 25, en: 45 } },
  { file: 'dev/news-f.jsonl', prefix: 'devf', minPerLang: { es: 25, pt: 110, en: 15 } },
  { file: 'dev/news-g.jsonl', prefix: 'devg', minPerLang: { es: 50, pt: 30, en: 70 } },
  { file: 'dev/news-h.jsonl', prefix: 'devh', minPerLang: { es: 60, pt: 55, en: 35 } },
] as const;

interface DevCase {
  id: string;
  lang: string;
  label: (typeof LABELS)[number];
  types: string[];
  countries: string[];
  event_country: string | null;
  victims: { count: number | null; minors: boolean | null; nationalities: string[] };
  places: string[];
  text: string;
}

const isCode = (c: unknown): boolean => typeof c === 'string' && /^[A-Z]{2}$/.test(c) && countries.isValid(c);

for (const { file, prefix, minPerLang } of DEV_SETS) {
  const devLines = readFileSync(join(ROOT, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const dev: DevCase[] = devLines.map((l) => JSON.parse(l) as DevCase);

  describe(`dev news set (samples/${file})`, () => {
    it('has one JSON object per line with exactly the scorer fields', () => {
      for (const line of devLines) {
        const o = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(o).sort()).toEqual(['countries', 'event_country', 'id', 'label', 'lang', 'places', 'text', 'types', 'victims']);
      }
    });

    it(`uses unique ids of the form ${prefix}-<lang>-NNN`, () => {
      const ids = dev.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of dev) expect(c.id).toMatch(new RegExp(`^${prefix}-${c.lang}-\\d{3}$`));
    });

    it('meets the per-language minimums with roughly half incidents', () => {
      for (const [lang, min] of Object.entries(minPerLang)) {
        const cases = dev.filter((c) => c.lang === lang);
        expect(cases.length, lang).toBeGreaterThanOrEqual(min);
        const share = (label: string): number => cases.filter((c) => c.label === label).length / cases.length;
        expect(share('incident'), `${lang} incidents`).toBeGreaterThan(0.4);
        expect(share('incident'), `${lang} incidents`).toBeLessThan(0.6);
        expect(share('awareness'), `${lang} awareness`).toBeGreaterThan(0.1);
        expect(share('negative'), `${lang} negatives`).toBeGreaterThan(0.25);
      }
    });

    it('labels with the shared vocabulary and consistent per-label shapes', () => {
      for (const c of dev) {
        expect(LABELS, c.id).toContain(c.label);
        for (const t of c.types) expect(EXPLOITATION_TYPES as readonly string[], c.id).toContain(t);
        expect(new Set(c.types).size, c.id).toBe(c.types.length);
        if (c.label === 'incident') {
          expect(c.types.length, c.id).toBeGreaterThan(0);
          expect(isCode(c.event_country), c.id).toBe(true);
          expect(c.countries, c.id).toContain(c.event_country);
        } else {
          expect(c.types, c.id).toEqual([]);
          expect(c.event_country, c.id).toBeNull();
          expect(c.victims, c.id).toEqual({ count: null, minors: null, nationalities: [] });
        }
        if (c.types.includes('unspecified')) expect(c.types, c.id).toEqual(['unspecified']);
      }
    });

    it('uses valid ISO codes, and every victim nationality is among the countries', () => {
      for (const c of dev) {
        for (const code of c.countries) expect(isCode(code), `${c.id} ${code}`).toBe(true);
        expect(new Set(c.countries).size, c.id).toBe(c.countries.length);
        const v = c.victims;
        expect(v.count === null || (Number.isInteger(v.count) && v.count > 0), c.id).toBe(true);
        expect(v.minors === null || typeof v.minors === 'boolean', c.id).toBe(true);
        for (const n of v.nationalities) {
          expect(isCode(n), `${c.id} ${n}`).toBe(true);
          expect(c.countries, c.id).toContain(n);
        }
      }
    });

    it('has place strings that occur in the text, and texts of 60 to 250 words', () => {
      for (const c of dev) {
        for (const p of c.places) expect(c.text.includes(p), `${c.id}: "${p}"`).toBe(true);
        const words = c.text.trim().split(/\s+/).length;
        expect(words, c.id).toBeGreaterThanOrEqual(60);
        expect(words, c.id).toBeLessThanOrEqual(250);
      }
    });
  });
}

const ARTICLES = join(ROOT, 'articles');
const articleFiles = readdirSync(ARTICLES).filter((f) => f.endsWith('.html'));
const charsetOf = (buf: Buffer): string => /<meta[^>]+charset=["']?([\w-]+)/i.exec(buf.subarray(0, 2048).toString('latin1'))?.[1]?.toLowerCase() ?? '';
const decodeArticle = (buf: Buffer): string => iconv.decode(buf, charsetOf(buf) || 'utf-8');

describe('demo articles (samples/articles)', () => {
  it('has at least 10 Spanish, 7 Portuguese and 7 English pages', () => {
    const byLang = (p: string): number => articleFiles.filter((f) => f.startsWith(`${p}-`)).length;
    expect(byLang('es')).toBeGreaterThanOrEqual(10);
    expect(byLang('pt')).toBeGreaterThanOrEqual(7);
    expect(byLang('en')).toBeGreaterThanOrEqual(7);
  });

  it('gives every page a lang, title, charset, canonical link and publication time', () => {
    for (const f of articleFiles) {
      const html = decodeArticle(readFileSync(join(ARTICLES, f)));
      expect(html, f).toMatch(new RegExp(`<html[^>]+lang="${f.slice(0, 2)}`));
      expect(html, f).toMatch(/<title>[^<]{10,}<\/title>/);
      expect(html, f).toMatch(/<link rel="canonical" href="https:\/\/[^"]+"/);
      expect(html, f).toMatch(/<meta property="article:published_time" content="\d{4}-\d\d-\d\dT[^"]+"/);
      expect(charsetOf(readFileSync(join(ARTICLES, f))), f).not.toBe('');
    }
  });

  it('stores the legacy-charset pages in their declared charset, not UTF-8', () => {
    const legacy = articleFiles.filter((f) => ['windows-1252', 'iso-8859-1'].includes(charsetOf(readFileSync(join(ARTICLES, f)))));
    expect(legacy.length).toBeGreaterThanOrEqual(2);
    for (const f of legacy) {
      const buf = readFileSync(join(ARTICLES, f));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf), f).toThrow();
      const text = iconv.decode(buf, charsetOf(buf));
      expect(text, f).not.toContain('\uFFFD');
      expect(text, f).toMatch(/[áéíóúñ]/);
    }
  });
});

interface Link { feed: string; href: string }
function feedLinks(): Link[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const rss = parser.parse(readFileSync(join(ROOT, 'feeds/rss.xml'), 'utf8')) as { rss: { channel: { item: Array<{ link: string }> } } };
  const atom = parser.parse(readFileSync(join(ROOT, 'feeds/atom.xml'), 'utf8')) as { feed: { entry: Array<{ link: { '@href': string } }> } };
  return [
    ...rss.rss.channel.item.map((i) => ({ feed: 'feeds/rss.xml', href: i.link })),
    ...atom.feed.entry.map((e) => ({ feed: 'feeds/atom.xml', href: e.link['@href'] })),
  ];
}

describe('demo feeds and sources', () => {
  const links = feedLinks();
  const resolved = links.map((l) => fileURLToPath(new URL(l.href, pathToFileURL(join(ROOT, l.feed)))));

  it('links every feed item, by a relative path, to an existing article', () => {
    expect(links.length).toBeGreaterThan(0);
    for (const [i, l] of links.entries()) {
      expect(l.href, l.feed).not.toMatch(/^[a-z]+:/i);
      expect(existsSync(resolved[i]!), `${l.feed} → ${l.href}`).toBe(true);
    }
  });

  it('lists every article in at least one feed and some in both', () => {
    const counts = new Map<string, number>();
    for (const p of resolved) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const f of articleFiles) expect(counts.get(join(ARTICLES, f)), f).toBeGreaterThanOrEqual(1);
    expect([...counts.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(3);
  });

  it('declares sources that load and point at existing local files and folders', async () => {
    const { sources } = await loadSourcesFile(join(ROOT, 'sources.yaml'));
    expect(sources.map((s) => s.kind).sort()).toEqual(['atom', 'notice', 'rss']);
    for (const s of sources) expect(existsSync(fileURLToPath(s.url)), s.id).toBe(true);
    const noticeDir = sources.find((s) => s.notices === true);
    expect(noticeDir?.isFolder).toBe(true);
    expect(readdirSync(fileURLToPath(noticeDir!.url)).filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(2);
  });
});
