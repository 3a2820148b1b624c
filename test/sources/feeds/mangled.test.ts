import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RastroError } from '../../../core/index.js';
import { parseFeed } from '../../../sources/feeds/index.js';

const FIXTURES = ['feed-rss2.xml', 'feed-rss1.rdf', 'feed-atom.xml', 'feed-json.json', 'sitemap-urlset.xml', 'sitemap-index.xml', 'sitemap-news.xml', 'listing.html'];
const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/http/${name}`, import.meta.url)), 'utf8');

/** Deterministic PRNG (mulberry32) so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE = ['<', '>', '&', '"', "'", '</item>', '<![CDATA[', ']]>', '{', '}', '[', '\u0000', '&#xD800;', '&bogus;', '<!DOCTYPE x [<!ENTITY e "e">]>'];

describe('parseFeed on mangled feeds', () => {
  it('returns a feed or throws one of our errors, for 400 truncated and corrupted variants of every fixture', () => {
    const random = rng(20261128);
    let returned = 0;
    let refused = 0;
    for (const name of FIXTURES) {
      const text = read(name);
      for (let i = 0; i < 50; i++) {
        let mangled = text.slice(0, Math.floor(random() * text.length));
        if (i % 2 === 1) {
          const at = Math.floor(random() * text.length);
          mangled = text.slice(0, at) + NOISE[Math.floor(random() * NOISE.length)] + text.slice(at + Math.floor(random() * 20));
        }
        try {
          const feed = parseFeed(mangled, 'https://mangled.example/feed', name === 'listing.html' ? { selectors: { items: 'li.story' } } : {});
          expect(Array.isArray(feed.items)).toBe(true);
          returned++;
        } catch (err) {
          if (!(err instanceof RastroError)) throw new Error(`${name} variant ${i} threw ${String(err)}`);
          expect(err.kind).toBe('non_retryable');
          refused++;
        }
      }
    }
    // Both outcomes occur: the parser neither accepts everything nor refuses everything.
    expect(returned).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
