import { describe, expect, it } from 'vitest';
import { createBatchExtractor, createExtractor, DEFAULT_EXTRACTORS, type BatchOutcome, type Extractor } from '../../extractors/index.js';
import { loadLexicons } from '../../lexicons/index.js';
import { createBatchingExtractor } from '../../workers/index.js';
import type { ExtractInput } from '../../core/index.js';

/** Texts of our own: a case in each language, a negative. */
const TEXTS = [
  'La Fiscalía rescató a 12 mujeres venezolanas víctimas de trata de personas con fines de explotación sexual en Cúcuta, Colombia.',
  'Auditores-fiscais do trabalho resgataram dezoito trabalhadores em condição análoga à escravidão numa fazenda no Pará.',
  'Police in Houston freed seven Honduran women, aged 17 to 24, who were forced to work in a bar to repay a debt of $3,000.',
  'Se trata de un problema de tráfico vehicular en la avenida principal de Lima.',
];

describe('createBatchingExtractor', () => {
  const lexicons = loadLexicons();

  it('extracts the calls made together as one batch, each with the findings it gets alone', async () => {
    const one = createExtractor({ lexicons });
    const extract = createBatchingExtractor(createBatchExtractor({ lexicons }));
    const inputs: ExtractInput[] = TEXTS.map((text, k) => (k === 1 ? { text, lang: 'pt' } : { text }));
    const out = await Promise.all(inputs.map((i) => extract(i)));
    expect(extract.stats).toEqual({ batches: 1, documents: TEXTS.length, largest: TEXTS.length });
    out.forEach((x, k) => expect(x).toEqual(one(inputs[k]!)));
    expect(out[0]!.relevance.label).toBe('incident');
    expect(out[3]!.relevance.label).toBe('none');
  });

  it('runs a call made alone at once, in a batch of one', async () => {
    const extract = createBatchingExtractor(createBatchExtractor({ lexicons }));
    for (const text of TEXTS.slice(0, 3)) await extract({ text });
    expect(extract.stats).toEqual({ batches: 3, documents: 3, largest: 1 });
  });

  it('never makes a batch longer than maxBatch; the rest go in the next, in order', async () => {
    const sizes: number[] = [];
    const seen: string[] = [];
    const run = (inputs: readonly ExtractInput[]): BatchOutcome[] => {
      sizes.push(inputs.length);
      seen.push(...inputs.map((i) => i.text));
      return createBatchExtractor({ lexicons })(inputs);
    };
    const extract = createBatchingExtractor(run, 4);
    const texts = Array.from({ length: 10 }, (_, k) => `Nota ${k}: la policía de Lima detuvo a ${k + 2} personas.`);
    const out = await Promise.all(texts.map((text) => extract({ text, lang: 'es' })));
    expect(sizes).toEqual([4, 4, 2]);
    expect(seen).toEqual(texts);
    expect(out).toHaveLength(10);
    expect(extract.stats).toEqual({ batches: 3, documents: 10, largest: 4 });
  });

  it('rejects only the call whose document an extractor throws on', async () => {
    const picky: Extractor = {
      name: 'picky',
      version: '1',
      extract(doc) {
        if (doc.text.includes('Lima')) throw new Error('no Lima');
      },
    };
    const extract = createBatchingExtractor(createBatchExtractor({ lexicons, extractors: [...DEFAULT_EXTRACTORS.slice(0, 1), picky] }));
    const settled = await Promise.allSettled(TEXTS.map((text) => extract({ text })));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const failed = settled[3]!;
    expect(failed.status === 'rejected' && (failed.reason as Error).message).toBe('no Lima');
  });

  it('rejects every call of a batch when the batch itself throws, and goes on with the next', async () => {
    let calls = 0;
    const run = (inputs: readonly ExtractInput[]): BatchOutcome[] => {
      if (calls++ === 0) throw new Error('lexicons unreadable');
      return createBatchExtractor({ lexicons })(inputs);
    };
    const extract = createBatchingExtractor(run);
    const first = await Promise.allSettled([extract({ text: TEXTS[0]! }), extract({ text: TEXTS[2]! })]);
    expect(first.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect((await extract({ text: TEXTS[0]! })).relevance.label).toBe('incident');
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => createBatchingExtractor(createBatchExtractor({ lexicons }), 0)).toThrow(RangeError);
    expect(() => createBatchingExtractor(createBatchExtractor({ lexicons }), 2.5)).toThrow(RangeError);
  });
});
