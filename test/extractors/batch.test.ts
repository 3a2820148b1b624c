import { describe, expect, it } from 'vitest';
import { createBatchExtractor, createExtractor, DEFAULT_EXTRACTORS, MAX_BATCH } from '../../extractors/index.js';
import type { Extractor } from '../../extractors/index.js';
import { loadLexicons } from '../../lexicons/index.js';

/** Texts of our own: a case in each language, a negative, and one repeated (the shared word tokens are per text). */
const TEXTS = [
  'La Fiscalía rescató a 12 mujeres venezolanas víctimas de trata de personas con fines de explotación sexual en Cúcuta, Colombia.',
  'Auditores-fiscais do trabalho resgataram dezoito trabalhadores em condição análoga à escravidão numa fazenda no Pará.',
  'Police in Houston freed seven Honduran women, aged 17 to 24, who were forced to work in a bar to repay a debt of $3,000.',
  'Se trata de un problema de tráfico vehicular en la avenida principal de Lima.',
  'La Fiscalía rescató a 12 mujeres venezolanas víctimas de trata de personas con fines de explotación sexual en Cúcuta, Colombia.',
];

describe('createBatchExtractor', () => {
  const lexicons = loadLexicons();

  it('gives each document the findings createExtractor gives it alone', () => {
    const one = createExtractor({ lexicons });
    const batch = createBatchExtractor({ lexicons });
    const out = batch(TEXTS.map((text, k) => (k === 1 ? { text, lang: 'pt' } : { text })));
    expect(out).toHaveLength(TEXTS.length);
    out.forEach((o, k) => {
      expect(o.ok).toBe(true);
      if (o.ok) expect(o.extraction).toEqual(one(k === 1 ? { text: TEXTS[k]!, lang: 'pt' } : { text: TEXTS[k]! }));
    });
    const first = out[0]!;
    expect(first.ok && first.extraction.relevance.label).toBe('incident');
  });

  it('runs batches longer than MAX_BATCH in slices, in order', () => {
    const batch = createBatchExtractor({ lexicons });
    const texts = Array.from({ length: MAX_BATCH + 3 }, (_, k) => `Nota ${k}: la policía de Lima detuvo a ${k + 2} personas.`);
    const out = batch(texts.map((text) => ({ text })));
    expect(out).toHaveLength(texts.length);
    const single = createExtractor({ lexicons });
    expect(out[MAX_BATCH + 1]).toEqual({ ok: true, extraction: single({ text: texts[MAX_BATCH + 1]! }) });
  });

  it('fails only the document an extractor throws on; later extractors skip it', () => {
    const seen: string[] = [];
    const picky: Extractor = {
      name: 'picky',
      version: '1',
      extract(doc) {
        if (doc.text.includes('Lima')) throw new Error('no Lima');
      },
    };
    const after: Extractor = { name: 'after', version: '1', extract: (doc) => void seen.push(doc.text) };
    const batch = createBatchExtractor({ lexicons, extractors: [...DEFAULT_EXTRACTORS.slice(0, 1), picky, after] });
    const out = batch(TEXTS.map((text) => ({ text })));
    expect(out.map((o) => o.ok)).toEqual([true, true, true, false, true]);
    const failed = out[3]!;
    expect(!failed.ok && (failed.error as Error).message).toBe('no Lima');
    expect(seen).toHaveLength(4);
    expect(seen).not.toContain(TEXTS[3]);
  });
});
