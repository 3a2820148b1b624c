import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../../lexicons/index.js';
import { documentWords } from '../../extractors/relevance-words.js';

/** The definition documentWords implements. */
function reference(text: string): string[] {
  const out = new Set<string>();
  for (const m of fold(text).matchAll(/[\p{L}\p{N}]+/gu)) if (m[0].length >= 3 && !/^\p{N}+$/u.test(m[0])) out.add(m[0]);
  return [...out];
}

describe('documentWords', () => {
  it('finds the distinct folded words of three or more code units, bare numbers left out, in first-occurrence order', () => {
    expect(documentWords('Las VÍCTIMAS, las víctimas y 2024 o ab123 ¹²³ Ⅻ3 x')).toEqual(['las', 'victimas', 'ab123']);
  });

  it('agrees with the regex definition on odd text and on the sample corpus', () => {
    const odd = ['', 'a\u0301b\u0301c', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀😀 abc\ud800def \udc00ghi', 'İSTANBUL ß straße ﬁnal', 'x'.repeat(70), '١٢٣ ٤٥٦abc'];
    const corpus = readFileSync('samples/dev/news.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
    for (const t of [...odd, ...corpus]) expect(documentWords(t), t.slice(0, 60)).toEqual(reference(t));
  });
});
