import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { extractArticle, parseNotice, isLikelyNotice } from '../../../sources/index.js';

const dirs = ['articles', 'notices'].map((d) => new URL(`../../fixtures/${d}/`, import.meta.url));
const pages = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(new URL(f, dir), 'utf8')));

describe('extractArticle and parseNotice on broken input', () => {
  it('never throw on pages cut at any of 40 points, and always return the contract shape', () => {
    for (const page of pages) {
      for (let k = 1; k <= 40; k++) {
        const cut = page.slice(0, Math.floor((page.length * k) / 40));
        const r = extractArticle(cut, 'https://x.example/2024/01/02/a');
        expect(typeof r.text === 'string' || r.text === null).toBe(true);
        expect(typeof r.title === 'string' || r.title === null).toBe(true);
        expect(r.publishedAt === null || !Number.isNaN(Date.parse(r.publishedAt))).toBe(true);
        expect(() => parseNotice(cut, 'https://x.example/n')).not.toThrow();
        expect(typeof isLikelyNotice(cut)).toBe('boolean');
      }
    }
  });

  it('never throws on tag soup, binary-looking bytes or broken JSON-LD', () => {
    const soups = [
      '<<<<>>>>', '</p></div></body>', '<div'.repeat(2000), '\u0000\u0001\u0002<p>\uFFFD</p>',
      '<script type="application/ld+json">{"@type": ["NewsArticle"], "datePublished": {"@value": 5}, "author": [null, 3, {"name": ["x"]}]}</script>',
      '<script type="application/ld+json">[[[[{"@graph": {"@graph": {}}}]]]]</script>',
      '<meta property="article:published_time" content="9999-99-99"><time datetime="not a date">x</time>',
    ];
    for (const s of soups) {
      expect(() => extractArticle(s)).not.toThrow();
      expect(() => parseNotice(s, 'https://x.example/')).not.toThrow();
    }
    expect(extractArticle('<meta property="article:published_time" content="9999-99-99">').publishedAt).toBeNull();
  });

  it('handles 50,000 unclosed nested <div>s without overflowing the stack, keeping the text', () => {
    const html = `${'<div>'.repeat(50_000)}<p>Un párrafo enterrado muy hondo que, aun así, debe salir en el texto extraído.</p>`;
    expect(extractArticle(html).text).toBe('Un párrafo enterrado muy hondo que, aun así, debe salir en el texto extraído.');
    expect(() => parseNotice(`${'<div>'.repeat(50_000)}<p>Edad: 14 años</p>`, 'https://x.example/')).not.toThrow();
  });
});
