import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { extractArticle, parsePublishedText, parseRelativeDate } from '../../../sources/index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

const body =
  '<p>La policía local informó que la investigación continúa y que se esperan nuevas detenciones en los próximos días, según fuentes oficiales consultadas por este medio.</p>';
const page = (head: string, inner: string): string =>
  `<html lang="es"><head><title>Nota de prueba</title>${head}</head><body>${inner}</body></html>`;
const day = (html: string, url?: string, opts: { fetchedAt?: Date } = {}): string | null =>
  extractArticle(html, url, opts).publishedAt?.slice(0, 10) ?? null;

describe('publication date precedence', () => {
  it('skips the header clock, the latest-news list, the "updated" date and the most-read box', () => {
    expect(day(fixture('es-fechas-ruido.html'), 'https://noticiasdelsur.example/policiales/red-captaba-jovenes')).toBe('2024-03-11');
  });

  it('takes the JSON-LD article that describes this page, not related stories listed in the @graph', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', url: 'https://d.example/otra', datePublished: '2024-01-02T10:00:00-05:00' }] },
        { '@type': 'ReportageNewsArticle', url: 'https://d.example/esta-nota', datePublished: '2024-03-12T10:00:00-05:00', headline: 'Nota de prueba' },
      ],
    };
    const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<h1>Nota de prueba</h1>${body}`);
    expect(day(html, 'https://d.example/esta-nota')).toBe('2024-03-12');
  });

  it('prefers article:published_time to the modification time, and uses the modification time only when nothing else exists', () => {
    const both = page('<meta property="article:modified_time" content="2024-03-20T10:00:00-03:00"><meta property="article:published_time" content="2024-03-12T10:00:00-03:00">', body);
    expect(day(both)).toBe('2024-03-12');
    const onlyModified = page('<meta property="article:modified_time" content="2024-03-20T10:00:00-03:00">', body);
    expect(day(onlyModified)).toBe('2024-03-20');
  });

  it('takes the release time a site gives its cXense recommender over the CMS datePublished of the draft', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Nota de prueba', datePublished: '2024-03-11T23:40:00' };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="cXenseParse:recs:publishtime" content="2024-03-12T04:10:00-03:00">`;
    expect(day(page(head, `<h1>Nota de prueba</h1>${body}`), 'https://diario.example.uy/sociedad/nota')).toBe('2024-03-12');
    // Without it, the JSON-LD date stands.
    expect(day(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<h1>Nota de prueba</h1>${body}`), 'https://diario.example.uy/sociedad/nota')).toBe('2024-03-11');
  });

  it('reads itemprop=datePublished and <time pubdate> before a <time> marked as updated', () => {
    const html = page('', `<h1>Nota de prueba</h1><time class="updated" datetime="2024-03-20">20/03/2024</time><time pubdate datetime="2024-03-12T08:00:00-05:00">12/03/2024</time>${body}`);
    expect(day(html)).toBe('2024-03-12');
    const micro = page('', `<h1>Nota de prueba</h1><span>Actualizado: <time datetime="2024-03-20">20/03</time></span><meta itemprop="datePublished" content="2024-03-12">${body}`);
    expect(day(micro)).toBe('2024-03-12');
  });

  it('skips a <time> introduced by "Actualizado"', () => {
    const html = page('', `<aside><time datetime="2024-01-01">1/1</time></aside><h1>Nota de prueba</h1><p class="byline">Actualizado: <time datetime="2024-03-20T10:00">20/03/2024</time></p><div class="fecha">Publicado el 12 de marzo de 2024</div>${body}`);
    expect(day(html)).toBe('2024-03-12');
  });

  it('reads the written byline date in Portuguese, Spanish and English', () => {
    for (const [line, iso] of [
      ['Atualizado em 14/03/2024 às 18h20 / Publicado em 12/03/2024 às 09h00', '2024-03-12'],
      ['12/03/2024 - 10h30', '2024-03-12'],
      ['Por Ana Souza | 12 de março de 2024', '2024-03-12'],
      ['By Ann Smith, March 12, 2024', '2024-03-12'],
      ['Publicado el martes 12 de marzo de 2024', '2024-03-12'],
    ]) {
      const html = page('', `<h1>Nota de prueba</h1><div class="post-meta">${line}</div>${body}`);
      expect(day(html), line).toBe(iso);
    }
  });

  it('reads the byline of an article laid out in a column named "sidebar__main"', () => {
    const html = page('', `<div class="lay-sidebar"><div class="sidebar__main"><h1>Nota de prueba</h1><time class="com-date">3 de mayo de 2022</time>${body}</div></div>`);
    expect(day(html)).toBe('2022-05-03');
  });

  it('prefers the URL date to a header clock far from the headline', () => {
    const clock = '<header><time class="top-clock" datetime="05/04/2022 08:43:31 am">hoy</time></header>';
    const filler = Array.from({ length: 60 }, (_, i) => `<li><a href="/s${i}">Sección ${i}</a></li>`).join('');
    const html = page('', `${clock}<ul class="nav-list">${filler}</ul><h1>Nota de prueba</h1>${body}`);
    expect(day(html, 'https://d.example/2022/05/04/nota')).toBe('2022-05-04');
  });

  it('does not read a "datePublished" key in stray JSON text as a "published" label', () => {
    const html = page('', `<h1>Nota de prueba</h1><div class="meta">Ana Souza 04.05.2022, 05:45 {"image":{"datePublished":"2021-01-02"}}</div>${body}`);
    expect(day(html)).toBe('2022-05-04');
  });

  it('uses an "Actualizado" line only when the page shows no other date', () => {
    const html = page('', `<h1>Nota de prueba</h1><div class="story-date">Actualizado el 08/05/2022 02:14 a.m.</div>${body}`);
    expect(day(html)).toBe('2022-05-08');
  });

  it('falls back to the URL date when the page declares none', () => {
    expect(day(page('', `<h1>Nota de prueba</h1>${body}`), 'https://d.example/2023/11/05/nota')).toBe('2023-11-05');
  });

  it('resolves "hace 2 horas" only when the fetch time is known', () => {
    const html = page('', `<h1>Nota de prueba</h1><span class="fecha">hace 2 horas</span>${body}`);
    expect(day(html, 'https://d.example.ar/nota')).toBeNull();
    // 01:00 UTC is 22:00 of the previous day in Argentina; two hours earlier is still that day.
    expect(day(html, 'https://d.example.ar/nota', { fetchedAt: new Date('2024-03-13T01:00:00Z') })).toBe('2024-03-12');
  });

  it('gives the publisher calendar day for UTC timestamps on a national domain', () => {
    const html = page('<meta property="article:published_time" content="2024-03-13T02:30:00Z">', body);
    expect(day(html, 'https://diario.example.com.ar/nota')).toBe('2024-03-12');
    expect(extractArticle(html, 'https://diario.example.com.ar/nota').publishedAt).toBe('2024-03-12T23:30:00-03:00');
  });

  it('on a generic domain, takes the zone from the page\'s other timestamps', () => {
    const html = page(
      '<meta property="article:published_time" content="2024-03-13T02:30:00Z"><meta property="article:modified_time" content="2024-03-13T09:00:00-05:00">',
      body,
    );
    expect(extractArticle(html, 'https://diario.example.com/nota').publishedAt).toBe('2024-03-12T21:30:00-05:00');
    const noHint = page('<meta property="article:published_time" content="2024-03-13T02:30:00Z">', body);
    expect(extractArticle(noHint, 'https://diario.example.com/nota').publishedAt).toBe('2024-03-13T02:30:00Z');
  });

  it('with no zone anywhere, trusts the byline day when it is the day before the UTC day', () => {
    const meta = '<meta property="article:published_time" content="2024-03-13T02:30:00Z">';
    const evening = page(meta, `<h1>Nota de prueba</h1><div class="post-date">March 12, 2024 10:30 PM</div>${body}`);
    expect(day(evening, 'https://news.example.com/story')).toBe('2024-03-12');
    const unrelated = page(meta, `<h1>Nota de prueba</h1><div class="post-date">March 2, 2024</div>${body}`);
    expect(day(unrelated, 'https://news.example.com/story')).toBe('2024-03-13');
  });
});

describe('parsePublishedText', () => {
  it.each([
    ['Actualizado el 14/03/2024 - Publicado el 12/03/2024', '2024-03-12'],
    ['Atualizado em 14/03/2024 | 12/03/2024', '2024-03-12'],
    ['Updated March 14, 2024 · Published March 12, 2024', '2024-03-12'],
    ['November 20 15:23 2019', '2019-11-20'],
    ['12 de marzo de 2024 (actualizado el 13 de marzo de 2024)', '2024-03-12'],
  ])('reads "%s"', (text, iso) => {
    expect(parsePublishedText(text)).toBe(iso);
  });

  it('returns null when the only date is an update or an access date', () => {
    expect(parsePublishedText('Actualizado el 14/03/2024')).toBeNull();
    expect(parsePublishedText('Acessado em 14/03/2024')).toBeNull();
  });
});

describe('parseRelativeDate', () => {
  const ref = new Date('2024-03-12T15:00:00Z');
  it.each([
    ['hace 2 horas', '2024-03-12T13:00:00Z'],
    ['há 30 minutos', '2024-03-12T14:30:00Z'],
    ['5 hours ago', '2024-03-12T10:00:00Z'],
    ['hace 3 días', '2024-03-09'],
    ['ontem', '2024-03-11'],
  ])('"%s" → %s', (text, iso) => {
    expect(parseRelativeDate(text, ref)).toBe(iso);
  });

  it('counts days in the publisher zone', () => {
    // 02:00 UTC on the 13th is still the 12th at UTC-5, so "ayer" is the 11th there.
    expect(parseRelativeDate('ayer', new Date('2024-03-13T02:00:00Z'), -5)).toBe('2024-03-11');
  });

  it('ignores text without a relative expression', () => {
    expect(parseRelativeDate('La audiencia será el lunes', ref)).toBeNull();
  });
});
