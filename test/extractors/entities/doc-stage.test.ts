import { describe, expect, it } from 'vitest';
import { HINT, docHints } from '../../../extractors/entities/doc-hints.js';
import { tokenInfo } from '../../../extractors/entities/token-info.js';
import { deserializeDocModel, serializeDocModel, tagDocument, type DocModel } from '../../../extractors/entities/doc-stage.js';
import { loadDocModel, loadModel, modelParams, tagSentence, TAGS } from '../../../extractors/entities/index.js';

const tag = (t: string) => (TAGS as readonly string[]).indexOf(t);

describe('document hints', () => {
  const sentences = [
    ['Ayer', 'Elena', 'Varela', 'llegó', 'a', 'Pasto', '.'],
    ['Varela', 'dijo', 'que', 'Pasto', 'es', 'tranquila', '.'],
  ];
  const tags = [
    Uint8Array.from(['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O'].map(tag)),
    Uint8Array.from(['O', 'O', 'O', 'B-LOC', 'O', 'O', 'O'].map(tag)),
  ];
  const hints = docHints(sentences.map((s) => s.map(tokenInfo)), tags);

  it('gives a lone surname the type of the longer name that held it elsewhere', () => {
    expect(HINT.superMaj(hints[1]![0]!)).toBe(1); // PER
    expect(HINT.self(hints[1]![0]!)).toBe(0);
  });

  it('counts only the other occurrences of a word, with their first-stage label', () => {
    // "Pasto" is LOC in the other sentence: majority 1 + LOC code (2).
    expect(HINT.tokMaj(hints[0]![5]!)).toBe(3);
    expect(HINT.tokN(hints[0]![5]!)).toBe(1);
    // "Elena" occurs once: no evidence from elsewhere.
    expect(HINT.tokMaj(hints[0]![1]!)).toBe(0);
  });

  it('gives a name the label of its other occurrences', () => {
    expect(HINT.entMaj(hints[1]![3]!)).toBe(1 + 2);
    expect(HINT.entMaj(hints[0]![1]!)).toBe(0);
  });
});

describe('document stage', () => {
  it('without a document model gives the first-stage tags of each sentence', () => {
    const p = modelParams(loadModel('es'));
    const sentences = [
      ['La', 'Fiscalía', 'de', 'Cúcuta', 'citó', 'a', 'Andrés', 'Morales', '.'],
      ['Morales', 'viajó', 'a', 'Bogotá', '.'],
    ];
    const tags = tagDocument(p, undefined, sentences, 0);
    sentences.forEach((s, k) => expect(Array.from(tags[k]!)).toEqual(Array.from(tagSentence(p, s))));
  });

  it('a zero document model changes nothing', () => {
    const p = modelParams(loadModel('es'));
    const zero: DocModel = { bits: 4, weights: new Float32Array(16 * 9), transitions: new Float32Array(81), meta: {} };
    const sentences = [['Andrés', 'Morales', 'llegó', 'a', 'Bogotá', '.'], ['Morales', 'habló', '.']];
    expect(tagDocument(p, zero, sentences, 0)).toEqual(tagDocument(p, undefined, sentences, 0));
  });

  it('round-trips a document model through its JSON form', () => {
    const weights = new Float32Array(16 * 9);
    weights[5] = 1.25;
    weights[40] = -3.5;
    const m: DocModel = { bits: 4, weights, transitions: Float32Array.from({ length: 81 }, (_, i) => i / 8), meta: { folds: 5 } };
    const again = deserializeDocModel(JSON.parse(JSON.stringify(serializeDocModel(m))));
    expect(Array.from(again.weights)).toEqual(Array.from(weights));
    expect(Array.from(again.transitions)).toEqual(Array.from(m.transitions));
  });

  it('the bundled Spanish document model loads', () => {
    expect(loadDocModel('es')?.bits).toBeGreaterThan(0);
  });
});

describe('dash split', () => {
  it('splits a predicted name at a spaced dash and keeps hyphenated words whole', async () => {
    const { splitAtDashes } = await import('../../../extractors/entities/recognize.js');
    const words = ['Porto', 'Alegre', '-', 'Santa', 'Maria', 'e', 'Vila-Real', '.'];
    const tags = Uint8Array.from(['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'B-LOC', 'O'].map(tag));
    splitAtDashes(tags, words);
    expect(Array.from(tags, (t) => TAGS[t])).toEqual(['B-ORG', 'I-ORG', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']);
  });
});
