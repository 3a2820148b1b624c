import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NonRetryableError, RastroError } from '../../../core/index.js';
import { discoverFeedLinks, parseFeed, toIsoDate } from '../../../sources/feeds/index.js';
import { htmlToText } from '../../../sources/feeds/text.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/http/${name}`, import.meta.url)), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0: links, guid permalinks, RFC 822 and dc:date dates, HTML summaries; drops link-less items', () => {
    const feed = parseFeed(fixture('feed-rss2.xml'), 'https://diario.example/judiciales/rss.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Diario del Valle — Judiciales');
    expect(feed.sitemaps).toEqual([]);
    expect(feed.items).toEqual([
      {
        url: 'https://diario.example/judiciales/2026/11/rescate-taller.html',
        title: 'Rescatan a tres jóvenes en un taller textil',
        publishedAt: '2026-11-27T17:30:00.000Z',
        summary: 'La policía allanó un taller donde trabajaban sin paga.',
        guid: 'dv-48211',
      },
      {
        url: 'https://diario.example/judiciales/2026/11/audiencia.html',
        title: 'Audiencia aplazada & nuevas pruebas',
        publishedAt: '2026-11-26T09:00:00.000Z',
        summary: 'El juez pidió más tiempo.',
        guid: null,
      },
      {
        url: 'https://diario.example/judiciales/2026/11/guid-link.html',
        title: 'Solo guid como enlace',
        publishedAt: '2026-11-26T08:00:00.000Z',
        summary: null,
        guid: 'https://diario.example/judiciales/2026/11/guid-link.html',
      },
    ]);
  });

  it('reads RSS 1.0 / RDF, using rdf:about when there is no link', () => {
    const feed = parseFeed(fixture('feed-rss1.rdf'), 'https://boletim.example/rss');
    expect(feed.kind).toBe('rdf');
    expect(feed.title).toBe('Boletim da Fronteira');
    expect(feed.items).toEqual([
      {
        url: 'https://boletim.example/2026/operacao-norte',
        title: 'Operação resgata trabalhadores em fazenda',
        publishedAt: '2026-11-25T21:45:00.000Z',
        summary: 'Fiscais encontraram alojamentos precários.',
        guid: 'https://boletim.example/2026/operacao-norte',
      },
      { url: 'https://boletim.example/2026/so-about', title: 'Item só com rdf:about', publishedAt: null, summary: null, guid: 'https://boletim.example/2026/so-about' },
    ]);
  });

  it('reads Atom: xml:base on feed and entry, the alternate link over edit links, html titles and summaries', () => {
    const feed = parseFeed(fixture('feed-atom.xml'), 'https://mirror.example/atom.xml');
    expect(feed.kind).toBe('atom');
    expect(feed.title).toBe('The Harbour Gazette');
    expect(feed.items).toEqual([
      {
        url: 'https://gazette.example/news/2026/11/crew-without-pay',
        title: 'Port inspectors find crew held without pay',
        publishedAt: '2026-11-27T08:15:00.000Z',
        summary: 'Inspectors boarded a trawler after a tip.',
        guid: 'tag:gazette.example,2026:77',
        updatedAt: '2026-11-27T10:00:00.000Z',
      },
      {
        url: 'https://gazette.example/opinion/column-42',
        title: 'Only updated, link without rel',
        publishedAt: '2026-11-20T07:00:00.000Z',
        summary: 'A column on labour inspections.',
        guid: 'tag:gazette.example,2026:42',
        updatedAt: '2026-11-20T07:00:00.000Z',
      },
    ]);
  });

  it('reads JSON Feed 1.1, resolving external_url and inheriting the feed language', () => {
    const feed = parseFeed(fixture('feed-json.json'), 'https://costa.example/feed.json');
    expect(feed.kind).toBe('jsonfeed');
    expect(feed.items).toEqual([
      {
        url: 'https://costa.example/notas/101',
        title: 'Detienen a reclutador en terminal de buses',
        publishedAt: '2026-11-24T21:20:00.000Z',
        summary: 'Ofrecía empleos falsos en otra ciudad.',
        guid: 'c-101',
        updatedAt: null,
        lang: 'es',
      },
      {
        url: 'https://costa.example/notas/102',
        title: null,
        publishedAt: '2026-11-23T10:00:00.000Z',
        summary: 'Campaña de prevención en escuelas.',
        guid: 'c-102',
        updatedAt: null,
        lang: 'es-CO',
      },
    ]);
  });

  it('reads a sitemap urlset once per URL with lastmod as updatedAt', () => {
    const feed = parseFeed(fixture('sitemap-urlset.xml'), 'https://diario.example/sitemap.xml');
    expect(feed.kind).toBe('sitemap');
    expect(feed.items.map((i) => [i.url, i.updatedAt, i.publishedAt])).toEqual([
      ['https://diario.example/judiciales/2026/11/rescate-taller.html', '2026-11-27T00:00:00.000Z', null],
      ['https://diario.example/judiciales/2026/11/audiencia.html', '2026-11-26T10:30:00.000Z', null],
    ]);
  });

  it('returns the child sitemaps of a sitemap index to discover', () => {
    const feed = parseFeed(fixture('sitemap-index.xml'), 'https://diario.example/sitemap.xml');
    expect(feed).toEqual({
      kind: 'sitemapindex',
      title: null,
      items: [],
      sitemaps: ['https://diario.example/sitemaps/news.xml', 'https://diario.example/sitemaps/2026-11.xml.gz'],
    });
  });

  it('reads news sitemaps: publication date, title and language', () => {
    const feed = parseFeed(fixture('sitemap-news.xml'), 'https://jornal.example/news-sitemap.xml');
    expect(feed.items).toEqual([
      {
        url: 'https://jornal.example/brasil/2026/11/resgate-em-obra',
        title: 'Fiscalização resgata operários em obra',
        publishedAt: '2026-11-28T00:05:00.000Z',
        summary: null,
        guid: null,
        updatedAt: null,
        lang: 'pt',
      },
    ]);
  });

  it('reads an HTML listing page by CSS selectors, honouring <base href>', () => {
    const feed = parseFeed(fixture('listing.html'), 'https://noticias.example/sucesos/', {
      selectors: { items: 'li.story', link: 'h2 a', date: 'time, .fecha' },
    });
    expect(feed.kind).toBe('listing');
    expect(feed.title).toBe('Sección Sucesos');
    expect(feed.items).toEqual([
      {
        url: 'https://noticias.example/sucesos/2026/11/27/red-desarticulada',
        title: 'Desarticulan red que captaba menores',
        publishedAt: '2026-11-27T16:00:00.000Z',
        summary: null,
        guid: null,
      },
      {
        url: 'https://noticias.example/sucesos/2026/11/26/alerta-migrantes',
        title: 'Alerta por ofertas de trabajo engañosas',
        publishedAt: '2026-11-26T00:00:00.000Z',
        summary: null,
        guid: null,
      },
    ]);
  });

  it('resolves relative item links against a file:// feed URL', () => {
    const rss = '<rss version="2.0"><channel><title>demo</title><item><title>x</title><link>../articles/x.html</link></item></channel></rss>';
    const feed = parseFeed(rss, 'file:///srv/rastro/samples/feeds/demo.xml');
    expect(feed.items[0]!.url).toBe('file:///srv/rastro/samples/articles/x.html');
  });

  it('repairs bare ampersands, the commonest fault of real feeds', () => {
    const feed = parseFeed(fixture('feed-bare-ampersand.xml'), 'https://radio.example/rss');
    expect(feed.title).toBe('Prensa & Radio');
    expect(feed.items.map((i) => [i.url, i.title])).toEqual([['https://radio.example/nota?id=5&sec=2', 'Juez & fiscal']]);
  });

  it('drops javascript: and mailto: links', () => {
    const rss = '<rss><channel><item><link>javascript:alert(1)</link></item><item><link>mailto:a@b.example</link></item></channel></rss>';
    expect(parseFeed(rss, 'https://x.example/rss').items).toEqual([]);
  });
});

describe('parseFeed on broken input', () => {
  const cases: Array<[string, string, string]> = [
    ['a truncated feed', fixture('feed-broken.xml'), 'feed_malformed'],
    ['an empty body', '', 'not_a_feed'],
    ['plain text', 'hello world', 'not_a_feed'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'feed_malformed'],
    ['JSON that is not a JSON Feed', '{"items": 3}', 'not_a_feed'],
    ['an unknown XML root', '<?xml version="1.0"?><catalog><book/></catalog>', 'not_a_feed'],
    ['HTML without selectors', '<!doctype html><html><body><a href="/x">x</a></body></html>', 'not_a_feed'],
    ['an entity expansion bomb', `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "${'x'.repeat(5000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;</title></channel></rss>`, ''],
  ];
  it.each(cases)('gives a clear NonRetryableError for %s', (_name, body, code) => {
    let caught: unknown = null;
    try {
      const feed = parseFeed(body, 'https://broken.example/feed');
      // The entity bomb may parse with entities left unexpanded; it must stay small either way.
      expect(JSON.stringify(feed).length).toBeLessThan(200_000);
    } catch (err) {
      caught = err;
    }
    if (code) {
      expect(caught).toBeInstanceOf(NonRetryableError);
      expect((caught as RastroError).code).toBe(code);
      expect((caught as RastroError).message).toContain('https://broken.example/feed');
    } else if (caught) {
      expect(caught).toBeInstanceOf(RastroError);
    }
  });

  it('gives bad_selector for a listing selector that is not valid CSS', () => {
    let caught: unknown = null;
    try {
      parseFeed('<!doctype html><html><body><a href="/x">x</a></body></html>', 'https://broken.example/list', { selectors: { items: 'li[[[' } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NonRetryableError);
    expect((caught as RastroError).code).toBe('bad_selector');
    expect((caught as RastroError).message).toContain('li[[[');
  });

  it('names the line of the fault in malformed XML', () => {
    expect(() => parseFeed(fixture('feed-broken.xml'), 'https://broken.example/feed')).toThrow(/line \d+/);
  });
});

describe('toIsoDate', () => {
  it.each([
    ['Fri, 27 Nov 2026 14:30:00 -0300', '2026-11-27T17:30:00.000Z'],
    ['Sáb, 28 Nov 2026 10:00:00 GMT', '2026-11-28T10:00:00.000Z'],
    ['28 dic 2026 10:00:00 GMT', '2026-12-28T10:00:00.000Z'],
    ['2026-11-28', '2026-11-28T00:00:00.000Z'],
    ['2026-11-28T10:00:00+02:00', '2026-11-28T08:00:00.000Z'],
    ['ayer', null],
    ['', null],
  ])('reads %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe('discoverFeedLinks', () => {
  it('lists the feeds a page advertises, resolved and de-duplicated, ignoring non-alternate links', () => {
    const html = `<html><head>
      <link rel="alternate" type="application/rss+xml" title="Portada" href="/rss.xml">
      <link rel="alternate" type="application/atom+xml" href="https://p.example/atom">
      <link rel="alternate" type="application/rss+xml" href="/rss.xml">
      <link rel="stylesheet" type="text/css" href="/s.css">
      <link rel="alternate" type="text/html" hreflang="en" href="/en/">
      <link rel="alternate" type="application/feed+json" href="feed.json">
    </head></html>`;
    expect(discoverFeedLinks(html, 'https://p.example/news/')).toEqual([
      { url: 'https://p.example/rss.xml', type: 'rss', title: 'Portada' },
      { url: 'https://p.example/atom', type: 'atom', title: null },
      { url: 'https://p.example/news/feed.json', type: 'jsonfeed', title: null },
    ]);
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>Uno</p><p>dos &amp; tres</p>', 'Uno dos & tres'],
    ['Fiscal&iacute;a &ndash; &#8220;trata&#x201D;', 'Fiscalía – “trata”'],
    ['<script>var x = "<p>";</script><style>p{}</style>texto<!-- nota -->', 'texto'],
    ['a&nbsp;b', 'a b'],
    ['<br/>', null],
  ])('turns %s into plain text', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
