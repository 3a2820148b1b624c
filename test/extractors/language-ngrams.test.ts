import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { detectNgrams, ngramTablesLoaded } from '../../extractors/language-ngrams.js';

/** Texts of every sample set, cut at a few places, plus odd inputs (empty, digits, long words, other scripts). */
function texts(): string[] {
  const out = ['', '   ', '12345 ...', 'a', 'ab', 'abc', 'x'.repeat(90), 'Ünïcödé ÇÃÕ 𝔘𝔫𝔦 😀 texto', 'Привет, как дела? 你好世界 مرحبا'];
  for (const set of ['dev', 'check']) {
    const dir = join('samples', set);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const text = (JSON.parse(line) as { text?: unknown }).text;
        if (typeof text !== 'string') continue;
        out.push(text, text.slice(0, 60), text.slice(100, 400), text.slice(-300));
      }
    }
  }
  return out;
}

describe('detectNgrams', () => {
  it("finds eld's tables", () => {
    expect(ngramTablesLoaded).toBe(true);
  });

  it('gives exactly eld.detect’s language and scores', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(1000);
    const langs = (scores: Record<string, number>): string[] => [...Object.keys(scores), 'es', 'pt', 'en', 'gl', 'xx'];
    const want = all.map((text) => {
      const r = eld.detect(text);
      const scores = r.getScores();
      return [r.language, ...langs(scores).map((l) => scores[l])];
    });
    const got = all.map((text) => {
      const r = detectNgrams(text);
      return [r.language, ...langs(eld.detect(text).getScores()).map((l) => r.score(l))];
    });
    expect(got).toEqual(want);
  });
});
